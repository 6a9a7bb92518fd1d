import type { z } from 'zod';
import { base64Url } from '../crypto/encoding';
import { ApiError } from './errors';

/**
 * Page cursors: the last row's sort key as base64url JSON, opaque to callers. A cursor is validated on
 * the way back in, so a forged or truncated one is a `validation_failed`, never a broken query.
 *
 * @example
 * const cursor = encodeCursor({ at: 1, id: 'e1' });
 * decodeCursor(cursor, z.object({ at: z.number(), id: z.string() })); // { at: 1, id: 'e1' }
 */
export function encodeCursor(key: unknown): string {
  return base64Url(new TextEncoder().encode(JSON.stringify(key)));
}

export function decodeCursor<T>(raw: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    const bytes = Uint8Array.from(atob(raw.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new ApiError(400, 'validation_failed', 'cursor is not one this endpoint returned');
  return parsed.data;
}
