import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../capture/raw-event';
import {
  button,
  click,
  clicksEvery,
  divButton,
  field,
  linuxCount,
  macCount,
  mutation,
  selection,
  stepper,
  text,
} from './fixtures';
import { detectRageClicks } from './rage-click';

const cases: [string, RawEvent[], number][] = [
  ['3 fast clicks on a button', clicksEvery(3, 150), 1],
  ['5 fast clicks on a button: one burst, one signal', clicksEvery(5, 150), 1],
  ['2 clicks are not rage', clicksEvery(2, 150), 0],
  ['3 clicks 1.2 s apart are deliberate', clicksEvery(3, 1200), 0],
  ['3 clicks far apart in space', [click(0, 100, 100), click(100, 160, 100), click(200, 220, 100)], 0],
  [
    'a slow drift: each within 30 px of the last but 60 px from the first',
    [click(0, 100), click(100, 125), click(200, 150)],
    0,
  ],
  ['fast clicking on a stepper (next, +)', clicksEvery(6, 120, stepper), 0],
  [
    'a triple click that selects a paragraph',
    [...clicksEvery(3, 120, text, (i) => i + 1), selection(250, 80)],
    0,
  ],
  [
    'a double click on a word, then a click (open then select)',
    clicksEvery(3, 200, text, (i) => (i === 1 ? 2 : 1)),
    0,
  ],
  ['a triple click in a text field (select all)', clicksEvery(3, 120, field, (i) => i + 1), 0],
  ['four fast clicks on text are rage even with click counts', clicksEvery(4, 120, text, (i) => i + 1), 1],
  ['a triple click on a button does not select: rage', clicksEvery(3, 120, button, (i) => i + 1), 1],
  [
    'two separate bursts',
    [...clicksEvery(3, 100), ...clicksEvery(3, 100).map((e) => ({ ...e, t: e.t + 5000 }))],
    2,
  ],
  [
    'a double click then a triple click on text (select a word, then the paragraph)',
    [
      ...clicksEvery(2, 100, text, (i) => i + 1),
      ...clicksEvery(3, 100, text, (i) => i + 1).map((e) => ({ ...e, t: e.t + 700 })),
    ],
    0,
  ],
  [
    'three double clicks on text in a row',
    [0, 400, 800].flatMap((t0) =>
      clicksEvery(2, 100, text, (i) => i + 1).map((e) => ({ ...e, t: e.t + t0 })),
    ),
    1,
  ],
  ['unknown target, plain clicks', clicksEvery(3, 150, undefined), 1],
  // The counts real browsers give (Chromium on Linux caps them at 3, macOS does not).
  [
    '4 clicks on a dead div button, Linux counts 1, 2, 3, 3',
    clicksEvery(4, 150, divButton, linuxCount(150)),
    1,
  ],
  ['3 clicks on a dead div button, counts 1, 2, 3', clicksEvery(3, 150, divButton, linuxCount(150)), 1],
  ['6 clicks on a dead div button, macOS counts', clicksEvery(6, 150, divButton, macCount(150)), 1],
  [
    'the div button selected its label on the way: still rage',
    [...clicksEvery(3, 150, divButton, linuxCount(150)), selection(200, 4)],
    1,
  ],
  ['4 clicks on a dead native button, Linux counts', clicksEvery(4, 150, button, linuxCount(150)), 1],
  ['4 fast clicks on text, Linux counts 1, 2, 3, 3', clicksEvery(4, 120, text, linuxCount(120)), 1],
  [
    'a double click that opens an item in a list (the page answers), then one more click',
    [...clicksEvery(2, 150, divButton, linuxCount(150)), mutation(250), click(400, 101, 100, divButton, 3)],
    0,
  ],
  ['a triple click in a text field, Linux counts', clicksEvery(3, 120, field, linuxCount(120)), 0],
];

describe('detectRageClicks', () => {
  it.each(cases)('%s', (_name, events, expected) => {
    expect(detectRageClicks(events)).toHaveLength(expected);
  });

  it('fires at the click that made it rage, with the burst as evidence', () => {
    const [signal] = detectRageClicks(clicksEvery(4, 100));
    expect(signal).toEqual({
      type: 'rage_click',
      t: 200,
      element: { selector: button.selector, tag: 'button' },
      evidence: { clicks: 4, durationMs: 300, spreadPx: 3 },
    });
  });

  it('is at least as strict as PostHog on every case above (never fires where 3/30px/1s does not)', () => {
    for (const [, events] of cases) {
      const ours = detectRageClicks(events).length;
      const clicks = events.filter((e) => e.type === 'click');
      let posthog = 0;
      let run = 1;
      for (let i = 1; i < clicks.length; i++) {
        const a = clicks[i - 1]!;
        const b = clicks[i]!;
        const near = Math.abs(a.x - b.x) + Math.abs(a.y - b.y) < 30 && b.t - a.t < 1000;
        run = near ? run + 1 : 1;
        if (run === 3) posthog++;
      }
      expect(ours).toBeLessThanOrEqual(posthog);
    }
  });
});
