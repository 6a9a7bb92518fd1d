import type { HelpContent } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { applyHelp, type HelpView } from './help-stream';
import type { HelpChunk } from './types';

const chunk = (helpId: string, delta: string, done = false): HelpChunk => ({ helpId, delta, done });
const content = (id: string, text: string, extra: Partial<HelpContent> = {}): HelpContent => ({
  id,
  source: 'generated',
  text,
  sources: [],
  ...extra,
});

describe('applyHelp', () => {
  const cases: [
    string,
    (HelpChunk | HelpContent)[],
    { text: string; streaming: boolean; source?: string },
  ][] = [
    [
      'deltas append in order',
      [chunk('a', 'Open '), chunk('a', 'Advanced')],
      { text: 'Open Advanced', streaming: true },
    ],
    [
      'the last delta ends the stream',
      [chunk('a', 'Hi'), chunk('a', '.', true)],
      { text: 'Hi.', streaming: false },
    ],
    [
      'another answer starts afresh',
      [chunk('a', 'old'), chunk('b', 'new')],
      { text: 'new', streaming: true },
    ],
    [
      'the final message replaces streamed text and sets the label',
      [chunk('a', 'Op'), content('a', 'Open Advanced options.', { source: 'authored' })],
      { text: 'Open Advanced options.', streaming: false, source: 'authored' },
    ],
    [
      'metadata first, text as deltas after',
      [content('a', ''), chunk('a', 'Pick a slot', true)],
      { text: 'Pick a slot', streaming: false },
    ],
    ['metadata first: still streaming', [content('a', '')], { text: '', streaming: true }],
    [
      'metadata after the deltas keeps their text',
      [chunk('a', 'Pick a slot', true), content('a', '', { targetSelector: '#time-slot' })],
      { text: 'Pick a slot', streaming: false },
    ],
    [
      'complete authored help alone',
      [content('x', 'Read this', { source: 'authored' })],
      { text: 'Read this', streaming: false, source: 'authored' },
    ],
  ];
  it.each(cases)('%s', (_, messages, expected) => {
    let view: HelpView | undefined;
    for (const m of messages) view = applyHelp(view, m);
    expect(view!.help.text).toBe(expected.text);
    expect(view!.streaming).toBe(expected.streaming);
    if (expected.source) expect(view!.help.source).toBe(expected.source);
  });

  it('keeps the target and sources of the final message', () => {
    const view = applyHelp(
      applyHelp(undefined, chunk('a', 'Open it', true)),
      content('a', '', { targetSelector: '#time-slot', sources: [{ articleId: 's', title: 'Scheduling' }] }),
    );
    expect(view.help.targetSelector).toBe('#time-slot');
    expect(view.help.sources).toEqual([{ articleId: 's', title: 'Scheduling' }]);
  });
});
