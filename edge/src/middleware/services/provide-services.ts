import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/app-env';
import { servicesFor } from '../../services';

/**
 * Puts the edge's dependencies on the context (`c.var.services`), built from the bindings once per isolate
 * by the composition root, so no route wires a dependency itself.
 */
export const provideServices: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('services', servicesFor(c.env));
  await next();
};
