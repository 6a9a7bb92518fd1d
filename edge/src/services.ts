import { readAzureConfig } from './adapters/azure-openai/azure-config';
import { type Database, database } from './adapters/d1/client';
import { d1EscalationStore } from './adapters/d1/queries/escalations';
import { d1EmbeddingStore, listHelpArticles } from './adapters/d1/queries/help';
import type { EventQueueMessage } from './adapters/queues/queue-message';
import { type HotCache, hotCacheFrom } from './adapters/upstash/hot-cache';
import type { Env } from './env';
import type { EscalationDeps } from './escalation/escalate-to-human';
import { escalationDepsFromEnv } from './escalation/from-env';
import { tenantWebhookResolver } from './escalation/tenant-webhooks';
import { createHelpService, type HelpService } from './help/help-service';
import type { InterventionEngineOptions } from './intelligence/intervention/engine';
import type { JourneyRpc } from './journey/journey-rpc';
import { type JourneyOwner, journeyObjectName } from './journey/owner';
import { engineOptions } from './journey/policies';
import { type FlowLearnerRpc, flowLearnerName } from './learning/flow-learner-rpc';

/**
 * Every dependency of the edge, built from the Worker's bindings in one place: the routes (through
 * `c.var.services`), the journey and flow-learner objects, the queue consumer and the cron all get them
 * from here, so the help pipeline, escalation, the cache and D1 are wired once.
 */
export interface Services {
  /** `development` seeds the demo tenant (see `dev/seed.ts`). */
  environment: string;
  db: Database;
  /** Upstash Redis when configured, else a no-op cache. */
  cache: HotCache;
  /** Contextual help: generated with Azure OpenAI when configured, authored otherwise. */
  help: HelpService;
  /** `escalateToHuman`'s dependencies: D1 for tickets, the tenant's webhook when configured. */
  escalation: EscalationDeps;
  /** What an intervention may offer in this deployment (`human` also when the tenant has its own webhook). */
  capabilities: { aiHelp: boolean; human: boolean };
  /** The intervention engine's options (cooldown, caps, holdout). */
  interventionEngine: InterventionEngineOptions;
  events: Queue<EventQueueMessage>;
  deadLetters: Queue<unknown>;
  limits: { perKey: RateLimit; perUser: RateLimit; perAddress: RateLimit };
  /** The model files under /v1/model/. */
  assets: Fetcher;
  /** The journey object of a (tenant, user), as a typed RPC stub. */
  journey(owner: JourneyOwner): DurableObjectStub<JourneyRpc>;
  /** The flow learner of a (tenant, flow), as a typed RPC stub. */
  flowLearner(tenantId: string, flowId: string): DurableObjectStub<FlowLearnerRpc>;
}

/** Built once per bindings object: an isolate reuses its `env`, so requests share one set of services. */
const built = new WeakMap<Env, Services>();

/**
 * @example
 * const { db, help } = servicesFor(env);
 */
export function servicesFor(env: Env): Services {
  const known = built.get(env);
  if (known) return known;
  const db = database(env.DB);
  const azure = readAzureConfig(env);
  const fromEnv = escalationDepsFromEnv(env, d1EscalationStore(db));
  const escalation = { ...fromEnv, webhookFor: tenantWebhookResolver(db, fromEnv.webhook) };
  const help = createHelpService({
    azure,
    embeddings: d1EmbeddingStore(db),
    articles: (tenantId) => listHelpArticles(db, tenantId),
  });
  const services: Services = {
    environment: env.ENVIRONMENT,
    db,
    cache: hotCacheFrom(env),
    help,
    escalation,
    capabilities: { aiHelp: help.aiConfigured, human: escalation.humanAvailable },
    interventionEngine: engineOptions(env),
    events: env.EVENTS,
    deadLetters: env.EVENTS_DLQ,
    limits: { perKey: env.KEY_RATE_LIMITER, perUser: env.USER_RATE_LIMITER, perAddress: env.IP_RATE_LIMITER },
    assets: env.ASSETS,
    journey: (owner) => env.JOURNEY.get(env.JOURNEY.idFromName(journeyObjectName(owner))),
    flowLearner: (tenantId, flowId) =>
      env.FLOW_LEARNER.get(env.FLOW_LEARNER.idFromName(flowLearnerName(tenantId, flowId))),
  };
  built.set(env, services);
  return services;
}
