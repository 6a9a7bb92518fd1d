import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';
import { targetedFlow } from './targeted-flow';

/** Stands in for the page's origin when the caller sent none (a server): path patterns still match. */
const NO_ORIGIN = 'https://origin.invalid';

/**
 * The flow a journey started without `flowId` runs: the targeting rules judged on the page the SDK is on.
 * The origin is the request's own, already checked against the key's allowed origins, never a URL the
 * body claims; traits are the server-set ones only. No rule matching is a 404 `no_flow`, which the SDK
 * takes quietly (the tenant simply targets nothing here).
 */
export async function flowByTargeting(
  c: Context<AppEnv>,
  owner: { tenantId: string; userId: string },
  path = '/',
): Promise<string> {
  // Only a path: anything else (`https://…`, `//host`) would let the body name another origin.
  const page = path.startsWith('/') ? path : `/${path}`;
  const sent = c.req.header('origin');
  // `null` is what sandboxed frames and file pages send: no origin to match whole-URL patterns on.
  const origin = sent && sent !== 'null' ? sent : NO_ORIGIN;
  const { flowId } = await targetedFlow(c.var.services.db, owner, `${origin}${page}`);
  if (!flowId) throw new ApiError(404, 'no_flow', 'no targeting rule gives this user a flow on this page');
  return flowId;
}
