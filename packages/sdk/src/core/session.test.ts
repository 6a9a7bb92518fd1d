import { describe, expect, it } from 'vitest';
import { memoryStorage } from './fixtures';
import { restoreSession } from './session';
import { SESSION_KEY } from './storage-keys';

const newId = () => 'new';

describe('restoreSession', () => {
  it.each([
    ['a reload continues the stored session', { [SESSION_KEY]: 'stored' }, false, '', 'stored', 'stored'],
    ['a new tab starts one and stores it', {}, false, '', 'new', 'new'],
    [
      'the stored session wins over the page’s',
      { [SESSION_KEY]: 'stored' },
      false,
      'page',
      'stored',
      'stored',
    ],
    ['blocked storage keeps the page’s session', {}, true, 'page', 'page', undefined],
    ['blocked storage, first start: a new id for the page', {}, true, '', 'new', undefined],
  ])('%s', (_name, entries, refuse, current, expected, stored) => {
    const storage = memoryStorage(entries, refuse);
    expect(restoreSession(current, storage, newId)).toBe(expected);
    expect(storage.map.get(SESSION_KEY)).toBe(stored);
  });

  it('works without storage at all', () => {
    expect(restoreSession('', undefined, newId)).toBe('new');
  });
});
