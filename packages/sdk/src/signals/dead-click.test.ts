import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../capture/raw-event';
import { detectDeadClicks } from './dead-click';
import {
  button,
  click,
  error,
  field,
  focus,
  link,
  mutation,
  nav,
  other,
  scroll,
  selection,
  text,
} from './fixtures';

const cases: [string, RawEvent[], number | undefined, number][] = [
  ['a button click with no answer', [click(0)], 1500, 1],
  ['not judged before its window has passed', [click(0)], 800, 0],
  ['the DOM changed', [click(0), mutation(120)], 1500, 0],
  ['the DOM changed too late', [click(0), mutation(1200)], 1500, 1],
  ['a navigation followed', [click(0), nav(50, '/next')], 1500, 0],
  ['the page scrolled', [click(0), scroll(80, 400)], 1500, 0],
  ['text got selected', [click(0), selection(30)], 1500, 0],
  ['focus moved to another field', [click(0), focus(40, other)], 1500, 0],
  ['focus on the clicked button itself is no answer', [click(0), focus(5, button)], 1500, 1],
  ['an error followed (that is an error click)', [click(0), error(200)], 1500, 0],
  ['links are skipped', [click(0, 10, 10, link)], 1500, 0],
  ['text fields are skipped', [click(0, 10, 10, field)], 1500, 0],
  ['plain text is skipped', [click(0, 10, 10, text)], 1500, 0],
  ['a series of clicks on one element is one dead click', [click(0), click(300), click(600)], 3000, 1],
  ['a disabled button that does nothing', [click(0, 10, 10, { ...button, disabled: true })], 1500, 1],
];

describe('detectDeadClicks', () => {
  it.each(cases)('%s', (_name, events, now, expected) => {
    expect(detectDeadClicks(events, now === undefined ? {} : { now })).toHaveLength(expected);
  });

  it('names the element and the wait', () => {
    expect(detectDeadClicks([click(10)], { now: 2000 })[0]).toEqual({
      type: 'dead_click',
      t: 10,
      element: { selector: '#save', tag: 'button' },
      evidence: { waitedMs: 1000, disabled: false },
    });
  });
});
