import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema';

/** A drizzle client over the D1 binding, typed with our schema. Cheap: build one per request. */
export function database(d1: D1Database) {
  return drizzle(d1, { schema });
}

export type Database = ReturnType<typeof database>;
