/**
 * Whether a browser origin matches a tenant's allowlist. An entry is an exact origin
 * (`https://app.example.com`), or a pattern with `*` as the port (`http://localhost:*`) or as the leftmost
 * host label (`https://*.example.com`, which does not match the bare `https://example.com`).
 */
export function originAllowed(origin: string, allowlist: readonly string[]): boolean {
  const parsed = parseOrigin(origin);
  if (!parsed) return false;
  return allowlist.some((entry) => matches(parsed, entry));
}

interface ParsedOrigin {
  scheme: string;
  host: string;
  port: string;
}

function parseOrigin(origin: string): ParsedOrigin | null {
  const m = /^(https?):\/\/([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i.exec(origin);
  if (!m) return null;
  return { scheme: m[1]!.toLowerCase(), host: m[2]!.toLowerCase(), port: m[3] ?? '' };
}

function matches(origin: ParsedOrigin, entry: string): boolean {
  const m = /^(https?):\/\/(\*\.)?([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?$/i.exec(entry.trim());
  if (!m) return false;
  const [, scheme, wildcardLabel, host, port] = m;
  if (scheme!.toLowerCase() !== origin.scheme) return false;
  if (port !== '*' && (port ?? '') !== origin.port) return false;
  const h = host!.toLowerCase();
  if (wildcardLabel)
    return origin.host.endsWith(`.${h}`) && !origin.host.slice(0, -h.length - 1).includes('.');
  return origin.host === h;
}
