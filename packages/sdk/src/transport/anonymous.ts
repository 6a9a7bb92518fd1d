import { PATHS } from '@smart-onboarding/protocol';
import { credentialQuery } from './credentials';
import { fetchJson } from './http';

export interface Identity {
  userId: string;
  userHash: string;
}

/**
 * Asks the edge for an anonymous identity for this browser (`POST /v1/identity/anonymous`), signed so no
 * page can claim another visitor's id. Resolves undefined when the edge cannot be reached or refuses (a
 * tenant that does not allow anonymous visitors); the caller retries. Keeping it is the caller's business
 * (`core/identity.ts`), after checking consent still stands.
 */
export function requestAnonymousIdentity(
  endpoint: string,
  publishableKey: string,
): Promise<Identity | undefined> {
  const query = credentialQuery({ publishableKey, sessionId: '-' });
  return fetchJson<Identity>(`${endpoint}${PATHS.anonymousIdentity}?${query}`, { method: 'POST' });
}
