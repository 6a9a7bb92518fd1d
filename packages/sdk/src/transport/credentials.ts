import { CREDENTIALS } from '@smart-onboarding/protocol';

export interface Credentials {
  publishableKey: string;
  userId?: string | undefined;
  userHash?: string | undefined;
  sessionId: string;
}

/**
 * The credentials as query parameters: the one form `sendBeacon`, WebSocket and CORS-simple `fetch`
 * requests can all carry (custom headers would cost a preflight on every batch).
 */
export function credentialQuery(c: Credentials): string {
  const params = new URLSearchParams();
  params.set(CREDENTIALS.publishableKey.query, c.publishableKey);
  if (c.userId) params.set(CREDENTIALS.userId.query, c.userId);
  if (c.userHash) params.set(CREDENTIALS.userHash.query, c.userHash);
  params.set(CREDENTIALS.sessionId.query, c.sessionId);
  return params.toString();
}

/**
 * The credentials as request headers, for the JSON APIs (the journey, help) whose requests are not
 * CORS-simple anyway.
 */
export function credentialHeaders(
  c: Pick<Credentials, 'publishableKey' | 'userHash'>,
): Record<string, string> {
  const headers: Record<string, string> = { [CREDENTIALS.publishableKey.header]: c.publishableKey };
  if (c.userHash) headers[CREDENTIALS.userHash.header] = c.userHash;
  return headers;
}

/** `endpoint` + `path` + credentials; `ws` turns http(s) into ws(s). */
export function endpointUrl(endpoint: string, path: string, c: Credentials, ws = false): string {
  const base = endpoint.replace(/\/+$/, '');
  const url = `${base}${path}?${credentialQuery(c)}`;
  return ws ? url.replace(/^http/, 'ws') : url;
}
