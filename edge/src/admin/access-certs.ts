import type { AccessKeySet } from './access-jwt';

/**
 * A team's Access signing keys, fetched from `<team domain>/cdn-cgi/access/certs` and kept per isolate for
 * a few minutes. Access rotates keys; a token signed by a key not seen yet refreshes once (`fresh`).
 */
const CERTS_TTL_MS = 5 * 60_000;
const cache = new Map<string, { keys: AccessKeySet; until: number }>();

export async function accessKeys(
  teamDomain: string,
  options: { fresh?: boolean } = {},
): Promise<AccessKeySet> {
  const now = Date.now();
  const hit = cache.get(teamDomain);
  if (hit && hit.until > now && !options.fresh) return hit.keys;
  const res = await fetch(`${teamDomain}/cdn-cgi/access/certs`, { signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`Access certs answered ${res.status}`);
  const body = (await res.json()) as Partial<AccessKeySet>;
  const keys: AccessKeySet = { keys: Array.isArray(body.keys) ? body.keys : [] };
  cache.set(teamDomain, { keys, until: now + CERTS_TTL_MS });
  return keys;
}

/**
 * Whether a team domain may be fetched: a Cloudflare Access team (`https://<team>.cloudflareaccess.com`),
 * or, in development, a local stand-in on loopback. Anything else would let an owner make the edge fetch
 * arbitrary URLs.
 */
export function acceptableTeamDomain(teamDomain: string, environment: string): boolean {
  if (/^https:\/\/[a-z0-9-]{1,63}\.cloudflareaccess\.com$/.test(teamDomain)) return true;
  return environment === 'development' && /^http:\/\/127\.0\.0\.1:\d{1,5}$/.test(teamDomain);
}
