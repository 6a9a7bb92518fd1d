import type { EventQueueMessage } from './events/queue-message';
import type { JourneyObject } from './journey/journey-object';

/** The bindings this Worker is deployed with (see wrangler.jsonc and README.md). */
export interface Env {
  DB: D1Database;
  /** One journey Durable Object per (tenant, user). */
  JOURNEY: DurableObjectNamespace<JourneyObject>;
  /** The behavioural event stream; its consumer writes engagement aggregates to D1. */
  EVENTS: Queue<EventQueueMessage>;
  /** Where poison messages go, so they are kept for a person instead of retried forever. */
  EVENTS_DLQ: Queue<unknown>;
  /** Static files: the struggle model and onnxruntime-web's wasm under /v1/model/. */
  ASSETS: Fetcher;
  /** Requests per publishable or secret key. */
  KEY_RATE_LIMITER: RateLimit;
  /** Requests per (tenant, user). */
  USER_RATE_LIMITER: RateLimit;
  /** `development` seeds the demo tenant and allows local origins for it. */
  ENVIRONMENT: string;
  /** Optional Upstash Redis (REST) for hot reads; unset means no cache. */
  UPSTASH_REDIS_REST_URL?: string;
  UPSTASH_REDIS_REST_TOKEN?: string;
}

/** Hono's generic environment for this app. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    caller: import('./auth/caller').Caller;
  };
}
