import type { Teardown } from '../capture/listen';
import type { Identity } from '../transport/anonymous';
import { backoffDelay } from '../transport/backoff';
import { anonymousIdentityKey } from './storage-keys';

/** Who the events are from: the user the page named (`init({ user })`, `identify`), or an anonymous one. */
export interface User {
  id?: string | undefined;
  hash?: string | undefined;
  /** Issued by the edge to this browser (not named by the page): forgotten with the device. */
  anonymous?: boolean;
}

interface AnonymousIdentityOptions {
  publishableKey: string;
  /** Asks the edge for a new identity (undefined: not now). */
  issue(): Promise<Identity | undefined>;
  /** False once the identity is no longer wanted: consent ended, or the page named its user meanwhile. */
  wanted(): boolean;
  adopt(identity: Identity): void;
  /** Default localStorage (merely reading it throws where storage is blocked: every use is guarded). */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Wait before retry `attempt` (0 for the first). */
  retryDelay?: (attempt: number) => number;
}

/** The identity this browser was issued earlier, if storage holds a readable one. */
function remembered(key: string, storage: AnonymousIdentityOptions['storage']): Identity | undefined {
  try {
    const saved = JSON.parse((storage ?? localStorage).getItem(key) ?? 'null') as Identity | null;
    return saved?.userId && saved.userHash ? saved : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Gives a visitor the page did not name an identity: the one this browser was issued before (kept in
 * localStorage), else a new one from the edge, asked again with backoff until it answers. Nothing is
 * adopted or stored once the identity is no longer wanted (consent withdrawn while the edge was
 * answering). Returns the teardown, which cancels a pending retry.
 *
 * @example
 * const stop = adoptAnonymousIdentity({ publishableKey, issue, wanted: () => !user.id, adopt });
 */
export function adoptAnonymousIdentity(o: AnonymousIdentityOptions): Teardown {
  const { storage, retryDelay = backoffDelay } = o;
  const key = anonymousIdentityKey(o.publishableKey);
  let retry: ReturnType<typeof setTimeout> | undefined;
  const attempt = async (n: number) => {
    const saved = remembered(key, storage);
    const identity = saved ?? (await o.issue());
    if (!o.wanted()) return;
    if (!identity) {
      retry = setTimeout(() => attempt(n + 1), retryDelay(n));
      return;
    }
    if (!saved)
      try {
        (storage ?? localStorage).setItem(key, JSON.stringify(identity));
      } catch {
        // storage full or refused: the identity lasts for this page
      }
    o.adopt(identity);
  };
  void attempt(0);
  return () => clearTimeout(retry);
}
