import { PATHS } from '@smart-onboarding/protocol';
import { credentialQuery } from './credentials';

export interface Identity {
  userId: string;
  userHash: string;
}

/**
 * The anonymous identity of this browser for one tenant: kept in localStorage (only ever written after
 * consent), else issued by the edge (`POST /v1/identity/anonymous`, signed so no page can claim another
 * visitor's id). Resolves undefined when the edge cannot be reached or refuses; the caller retries.
 */
export async function anonymousIdentity(
  endpoint: string,
  publishableKey: string,
): Promise<Identity | undefined> {
  const storageKey = `so_anon:${publishableKey}`;
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Identity | null;
    if (saved?.userId && saved.userHash) return saved;
  } catch {
    // unreadable storage: ask the edge
  }
  try {
    const query = credentialQuery({ publishableKey, sessionId: '-' });
    const res = await fetch(`${endpoint}${PATHS.anonymousIdentity}?${query}`, {
      method: 'POST',
      credentials: 'omit',
    });
    if (!res.ok) return undefined;
    const identity = (await res.json()) as Identity;
    try {
      localStorage.setItem(storageKey, JSON.stringify(identity));
    } catch {
      // storage full or refused: the identity lasts for this page
    }
    return identity;
  } catch {
    return undefined;
  }
}
