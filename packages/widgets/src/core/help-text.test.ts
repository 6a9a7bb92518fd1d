import { describe, expect, it } from 'vitest';
import { parseHelpText, parseInlines } from './help-text';

const t = (text: string) => ({ kind: 'text', text });

describe('parseInlines', () => {
  it.each([
    ['plain', [t('plain')]],
    ['a **b** c', [t('a '), { kind: 'strong', text: 'b' }, t(' c')]],
    ['use `Ctrl+K`', [t('use '), { kind: 'code', text: 'Ctrl+K' }]],
    ['unclosed **bold', [t('unclosed **bold')]],
    ['<img src=x onerror=alert(1)>', [t('<img src=x onerror=alert(1)>')]],
    ['', []],
  ])('%s', (input, expected) => {
    expect(parseInlines(input)).toEqual(expected);
  });
});

describe('parseHelpText', () => {
  it.each([
    ['one line', [{ kind: 'p', inlines: [t('one line')] }]],
    ['two\nlines', [{ kind: 'p', inlines: [t('two lines')] }]],
    [
      'a\n\nb',
      [
        { kind: 'p', inlines: [t('a')] },
        { kind: 'p', inlines: [t('b')] },
      ],
    ],
    [
      'Steps:\n- open **Settings**\n- click Save',
      [
        { kind: 'p', inlines: [t('Steps:')] },
        { kind: 'ul', items: [[t('open '), { kind: 'strong', text: 'Settings' }], [t('click Save')]] },
      ],
    ],
    ['1. one\n2) two', [{ kind: 'ol', items: [[t('one')], [t('two')]] }]],
    [
      '- a\n1. b',
      [
        { kind: 'ul', items: [[t('a')]] },
        { kind: 'ol', items: [[t('b')]] },
      ],
    ],
    ['\r\nx\r\n', [{ kind: 'p', inlines: [t('x')] }]],
    ['', []],
  ])('%j', (input, expected) => {
    expect(parseHelpText(input)).toEqual(expected);
  });
});
