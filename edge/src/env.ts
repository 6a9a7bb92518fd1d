import type { EventQueueMessage } from './events/queue-message';
import type { JourneyObject } from './journey/journey-object';
import type { FlowLearnerObject } from './learning/flow-learner-object';

/** The bindings this Worker is deployed with (see wrangler.jsonc and README.md). */
export interface Env {
  DB: D1Database;
  /** One journey Durable Object per (tenant, user). */
  JOURNEY: DurableObjectNamespace<JourneyObject>;
  /** One learner per (tenant, flow): the path optimizer's posteriors, the success and time models. */
  FLOW_LEARNER: DurableObjectNamespace<FlowLearnerObject>;
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
  /** Optional Azure OpenAI for generated help (see README.md); unset means authored help, saying so. */
  AZURE_OPENAI_ENDPOINT?: string;
  AZURE_OPENAI_API_KEY?: string;
  AZURE_OPENAI_CHAT_DEPLOYMENT?: string;
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT?: string;
  AZURE_OPENAI_API_VERSION?: string;
  AZURE_OPENAI_TIMEOUT_MS?: string;
  /** Optional help-desk webhook for human escalation; unset means tickets are stored and a person is not offered. */
  ESCALATION_WEBHOOK_URL?: string;
  ESCALATION_WEBHOOK_SECRET?: string;
  ESCALATION_WEBHOOK_FORMAT?: string;
  /**
   * Development only (ignored unless ENVIRONMENT is development): the intervention cooldown in ms, so a
   * simulation that compresses minutes into milliseconds is not silenced by the 30 s cooldown.
   */
  DEV_INTERVENTION_COOLDOWN_MS?: string;
}

/** Hono's generic environment for this app. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    caller: import('./auth/caller').Caller;
  };
}
