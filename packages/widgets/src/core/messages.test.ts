import { describe, expect, it } from 'vitest';
import { DEFAULT_MESSAGES, format, resolveMessages } from './messages';

describe('format', () => {
  it.each([
    ['Step {current} of {total}', { current: 2, total: 5 }, 'Step 2 of 5'],
    ['{a}{a}', { a: 'x' }, 'xx'],
    ['no placeholders', {}, 'no placeholders'],
    ['{missing} stays', {}, '{missing} stays'],
    ['{n} items', { n: 0 }, '0 items'],
  ])('%s', (template, values, expected) => {
    expect(format(template, values)).toBe(expected);
  });
});

describe('resolveMessages', () => {
  it('returns the defaults when nothing is given', () => {
    expect(resolveMessages()).toBe(DEFAULT_MESSAGES);
  });
  it('overlays given strings and ignores undefined ones', () => {
    const m = resolveMessages({ next: 'Weiter', back: undefined });
    expect(m.next).toBe('Weiter');
    expect(m.back).toBe(DEFAULT_MESSAGES.back);
    expect(DEFAULT_MESSAGES.next).toBe('Next');
  });
});
