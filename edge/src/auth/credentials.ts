import { CREDENTIALS } from '@smart-onboarding/protocol';

/** Credentials as a request carries them: headers first, then query parameters (beacons and WebSockets). */
export interface Credentials {
  key?: string;
  /** Where the key came from: secret keys are refused in URLs, which end up in logs. */
  keyIn?: 'authorization' | 'header' | 'query';
  userId?: string;
  userHash?: string;
  sessionId?: string;
}

function pick(headers: Headers, url: URL, name: { header: string; query: string }): string | undefined {
  return headers.get(name.header) ?? url.searchParams.get(name.query) ?? undefined;
}

export function readCredentials(request: Request): Credentials {
  const url = new URL(request.url);
  const auth = request.headers.get('authorization');
  const bearer = auth && /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  const headerKey = request.headers.get(CREDENTIALS.publishableKey.header);
  const queryKey = url.searchParams.get(CREDENTIALS.publishableKey.query);
  const key = bearer || headerKey || queryKey || undefined;
  return {
    key,
    keyIn: bearer ? 'authorization' : headerKey ? 'header' : queryKey ? 'query' : undefined,
    userId: pick(request.headers, url, CREDENTIALS.userId),
    userHash: pick(request.headers, url, CREDENTIALS.userHash),
    sessionId: pick(request.headers, url, CREDENTIALS.sessionId),
  };
}
