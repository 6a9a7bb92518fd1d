import type { AdminActor } from '../admin/admin-actor';
import type { Caller } from '../auth/caller';
import type { Env } from '../env';
import type { Services } from '../services';

/** Hono's generic environment for this app: the bindings, and what middleware puts on the context. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** Set by `requireKey`. */
    caller: Caller;
    /** Set by `requireAdmin` on admin routes: a console member or a secret key. */
    admin: AdminActor;
    /** Set for every request by `provideServices`. */
    services: Services;
  };
}
