import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { errorResponse } from './errors';

/**
 * The hook every OpenAPI route validates with: a failing request gets `validation_failed` with zod's
 * issues (path and message), never Hono's default shape.
 */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by routes of every input and output type.
export const validationHook: Hook<any, AppEnv, any, any> = (result, c) => {
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({
      path: i.path.join('.'),
      message: i.message,
      code: i.code,
    }));
    return errorResponse(c, 400, 'validation_failed', `invalid ${result.target}`, { issues });
  }
};
