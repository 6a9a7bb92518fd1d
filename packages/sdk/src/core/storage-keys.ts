/**
 * Every name under which the SDK keeps something on the device, in one place, with the one function that
 * erases them all. A key written anywhere else would outlive a denial of consent. The names are a contract
 * with what earlier versions stored (a renamed key orphans an outbox or an anonymous identity): keep them.
 */

/** sessionStorage: the id of this tab's session (a reload continues it; a new tab starts another). */
export const SESSION_KEY = 'so_sid';

/** localStorage: the anonymous identity the edge signed for this browser, per tenant. */
export const anonymousIdentityKey = (publishableKey: string) => `so_anon:${publishableKey}`;

/** IndexedDB: the outbox of events the edge has not acknowledged yet, per tenant. */
export const outboxDatabase = (publishableKey: string) => `smart-onboarding:${publishableKey}`;

/** Where `forgetDevice` erases: the browser's own stores, unless a test names others. */
interface DeviceStores {
  localStorage?: Pick<Storage, 'removeItem'> | undefined;
  sessionStorage?: Pick<Storage, 'removeItem'> | undefined;
  indexedDB?: Pick<IDBFactory, 'deleteDatabase'> | undefined;
}

/**
 * Erases what the SDK stored on this device for this tenant: the outbox, the anonymous identity and the
 * session id. Each store is tried on its own (merely reading one may throw): one that refuses does not keep
 * the others from forgetting. The outbox's database goes once its connection closes (close it first).
 *
 * @example
 * forgetDevice('pk_live_…'); // consent denied
 */
export function forgetDevice(publishableKey: string, stores: DeviceStores = globalThis): void {
  const erasers = [
    () => stores.indexedDB?.deleteDatabase(outboxDatabase(publishableKey)),
    () => stores.localStorage?.removeItem(anonymousIdentityKey(publishableKey)),
    () => stores.sessionStorage?.removeItem(SESSION_KEY),
  ];
  for (const erase of erasers) {
    try {
      erase();
    } catch {
      // This store is unavailable: nothing of ours can be in it.
    }
  }
}
