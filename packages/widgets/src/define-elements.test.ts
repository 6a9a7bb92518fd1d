import { describe, expect, it } from 'vitest';
import { readAttribute } from './define-elements';

describe('readAttribute', () => {
  it.each<[string | null, unknown]>([
    [null, undefined],
    ['', true],
    ['true', true],
    ['false', false],
    ['4', 4],
    ['-1', -1],
    ['{"selector":"#a"}', { selector: '#a' }],
    ['[{"id":"a","title":"A"}]', [{ id: 'a', title: 'A' }]],
    ['#publish', '#publish'],
    ['Publish when ready', 'Publish when ready'],
    ['{not json', '{not json'],
    ['dark', 'dark'],
  ])('%j → %j', (value, expected) => {
    expect(readAttribute(value)).toEqual(expected);
  });
});
