/** The bindings this Worker is deployed with (see wrangler.jsonc). */
export interface Env {
  DB: D1Database;
  ENVIRONMENT: string;
}

/** Hono's generic environment for this app. */
export interface AppEnv {
  Bindings: Env;
}
