import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';

/**
 * The console's policy: its own scripts, styles and API only, and never inside another site's frame (a
 * framed console could be clickjacked into publishing or revoking a key).
 */
const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

/**
 * The asset a console URL is served from: the page for `/console` and `/console/` (the screens live in
 * the hash, so no other path needs the page), the file itself below it; null outside the console.
 */
export function consoleAssetPath(pathname: string): string | null {
  if (pathname === '/console' || pathname === '/console/') return '/console/';
  if (/^\/console\/[A-Za-z0-9._-]+$/.test(pathname) && !pathname.includes('..')) return pathname;
  return null;
}

/**
 * `GET /console`: the console, built by `packages/console` into the Worker's static assets
 * (`edge/public/console/`), served from the same origin as the admin API it calls, so its session cookie
 * can stay SameSite=Strict and its changing requests carry the edge's own Origin.
 */
export const consoleRoutes = new Hono<AppEnv>();

consoleRoutes.on(['GET', 'HEAD'], ['/console', '/console/*'], async (c) => {
  const path = consoleAssetPath(c.req.path);
  if (!path) throw new ApiError(404, 'not_found', `no console file ${c.req.path}`);
  const asset = await c.var.services.assets.fetch(
    new Request(new URL(path, c.req.url), { method: c.req.method }),
  );
  if (asset.status === 404) {
    throw new ApiError(
      404,
      'not_found',
      path === '/console/'
        ? 'the console is not built: run `pnpm --filter @smart-onboarding/console build`'
        : `no console file ${c.req.path}`,
    );
  }
  const headers = new Headers(asset.headers);
  headers.set('content-security-policy', CONSOLE_CSP);
  headers.set('x-frame-options', 'DENY');
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'no-referrer');
  // File names carry no content hash: revalidate each time (an ETag keeps that cheap).
  headers.set('cache-control', 'no-cache');
  return new Response(asset.body, { status: asset.status, headers });
});
