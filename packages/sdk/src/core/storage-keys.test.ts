import { describe, expect, it } from 'vitest';
import { memoryStorage } from './fixtures';
import { anonymousIdentityKey, forgetDevice, outboxDatabase, SESSION_KEY } from './storage-keys';

describe('storage keys', () => {
  // What earlier versions stored under these names is found again only if the names stay.
  it.each([
    ['session id (sessionStorage)', SESSION_KEY, 'so_sid'],
    ['anonymous identity (localStorage)', anonymousIdentityKey('pk_demo_local'), 'so_anon:pk_demo_local'],
    ['outbox (IndexedDB)', outboxDatabase('pk_demo_local'), 'smart-onboarding:pk_demo_local'],
  ])('%s is %s', (_what, key, expected) => {
    expect(key).toBe(expected);
  });
});

describe('forgetDevice', () => {
  const setup = (refuse: { local?: boolean; session?: boolean; idb?: boolean } = {}) => {
    const localStorage = memoryStorage(
      {
        [anonymousIdentityKey('pk_a')]: '{"userId":"anon_1","userHash":"h"}',
        [anonymousIdentityKey('pk_b')]: '{"userId":"anon_2","userHash":"h"}',
        'app:theme': 'dark',
      },
      refuse.local,
    );
    const sessionStorage = memoryStorage({ [SESSION_KEY]: 's-1', 'app:tab': 'x' }, refuse.session);
    const deleted: string[] = [];
    const indexedDB = {
      deleteDatabase: (name: string) => {
        if (refuse.idb) throw new DOMException('no IndexedDB here', 'SecurityError');
        deleted.push(name);
        return {} as IDBOpenDBRequest;
      },
    };
    return { stores: { localStorage, sessionStorage, indexedDB }, deleted };
  };

  it("erases this tenant's outbox, anonymous identity and session, and nothing of the page's or other tenants'", () => {
    const { stores, deleted } = setup();
    forgetDevice('pk_a', stores);
    expect(deleted).toEqual(['smart-onboarding:pk_a']);
    expect([...stores.localStorage.map.keys()]).toEqual([anonymousIdentityKey('pk_b'), 'app:theme']);
    expect([...stores.sessionStorage.map.keys()]).toEqual(['app:tab']);
  });

  it.each<[string, { local?: boolean; session?: boolean; idb?: boolean }]>([
    ['IndexedDB', { idb: true }],
    ['localStorage', { local: true }],
    ['sessionStorage', { session: true }],
  ])('a store that refuses (%s) does not keep the others from forgetting', (_store, refuse) => {
    const { stores, deleted } = setup(refuse);
    expect(() => forgetDevice('pk_a', stores)).not.toThrow();
    if (!refuse.idb) expect(deleted).toEqual(['smart-onboarding:pk_a']);
    if (!refuse.local) expect(stores.localStorage.map.has(anonymousIdentityKey('pk_a'))).toBe(false);
    if (!refuse.session) expect(stores.sessionStorage.map.has(SESSION_KEY)).toBe(false);
  });

  it('does nothing where the stores do not exist', () => {
    expect(() => forgetDevice('pk_a', {})).not.toThrow();
  });
});
