import type { AzureOpenAIEnv } from './adapters/azure-openai/azure-config';
import type { EventQueueMessage } from './adapters/queues/queue-message';
import type { UpstashEnv } from './adapters/upstash/hot-cache';
import type { EscalationWebhookEnv } from './escalation/config';
import type { JourneyRpc } from './journey/journey-rpc';
import type { FlowLearnerRpc } from './learning/flow-learner-rpc';

/**
 * The bindings this Worker is deployed with (see wrangler.jsonc and README.md). The Durable Objects are
 * named by their RPC contracts, not their classes, so nothing here depends on the objects' code. Only
 * `services.ts` reads these to build dependencies; everything else is handed what it needs.
 */
export interface Env extends AzureOpenAIEnv, EscalationWebhookEnv, UpstashEnv {
  DB: D1Database;
  /** One journey Durable Object per (tenant, user). */
  JOURNEY: DurableObjectNamespace<JourneyRpc>;
  /** One learner per (tenant, flow): the path optimizer's posteriors, the success and time models. */
  FLOW_LEARNER: DurableObjectNamespace<FlowLearnerRpc>;
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
  /** Per client address: requests with unknown keys, and anonymous ids issued per tenant. */
  IP_RATE_LIMITER: RateLimit;
  /** `development` seeds the demo tenant and allows local origins for it. */
  ENVIRONMENT: string;
  /**
   * Development only (ignored unless ENVIRONMENT is development): the intervention cooldown in ms, so a
   * simulation that compresses minutes into milliseconds is not silenced by the 30 s cooldown.
   */
  DEV_INTERVENTION_COOLDOWN_MS?: string;
}
