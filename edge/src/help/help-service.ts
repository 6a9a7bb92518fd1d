import type { HelpArticle, ServerMessage } from '@smart-onboarding/protocol';
import { createAzureHelpClient } from '../adapters/azure-openai/azure-client';
import type { AzureConfigResult } from '../adapters/azure-openai/azure-config';
import { CircuitBreaker } from '../resilience/circuit-breaker';
import { type HelpDeps, provideContextualHelp } from './contextual-help';
import { type HelpCache, memoryHelpCache } from './help-cache';
import { helpMessages } from './help-messages';
import type { HelpMoment } from './help-request';
import { type EmbeddingStore, ensureArticleEmbeddings } from './retrieval';

/**
 * One breaker and one cache per isolate and endpoint: every journey object in the isolate shares what it
 * learns about Azure's health, so one failing call spares the next users the wait.
 */
const breakers = new Map<string, CircuitBreaker>();
const caches = new Map<string, HelpCache>();

/**
 * `provideContextualHelp`'s dependencies for this deployment's Azure OpenAI settings. Without them the
 * client is undefined and help is authored, saying so.
 *
 * @example
 * const deps = helpDepsFor(readAzureConfig(env), { embeddings: d1EmbeddingStore(db) });
 */
export function helpDepsFor(
  azure: AzureConfigResult,
  options: { embeddings: EmbeddingStore; cache?: HelpCache; newId?: () => string },
): HelpDeps & { aiConfigured: boolean; notConfigured?: string[] } {
  const key = azure.ok ? `${azure.config.endpoint}|${azure.config.chatDeployment}` : 'none';
  let breaker = breakers.get(key);
  if (!breaker) {
    breaker = new CircuitBreaker(`azure-openai:${key}`);
    breakers.set(key, breaker);
  }
  let cache = options.cache ?? caches.get(key);
  if (!cache) {
    cache = memoryHelpCache({ maxEntries: 500 });
    caches.set(key, cache);
  }
  return {
    client: azure.ok ? createAzureHelpClient(azure.config) : undefined,
    breaker,
    cache,
    embeddings: options.embeddings,
    embeddingModel: azure.ok ? azure.config.embeddingDeployment : 'none',
    newId: options.newId ?? (() => crypto.randomUUID()),
    aiConfigured: azure.ok,
    ...(azure.ok ? {} : { notConfigured: azure.missing }),
  };
}

/** Why a help library was stored without embeddings. */
type EmbeddingSkipped = 'azure_not_configured' | 'embedding_failed';

/**
 * Contextual help as the socket and the SSE route serve it: the tenant's library is loaded, the answer
 * generated or authored (`provideContextualHelp`), and streamed as `ServerMessage`s. Built once in
 * `services.ts`, so the route and the journey object run the same pipeline.
 */
export interface HelpService {
  /** Whether help can be generated (Azure OpenAI configured): an `ai_help` plan is offered only then. */
  readonly aiConfigured: boolean;
  /** `help_chunk` messages as text arrives, then the final `help`. */
  messages(request: HelpMoment): AsyncGenerator<ServerMessage>;
  /** Embeds a tenant's new and changed articles, so retrieval ranks by similarity. */
  embedArticles(
    tenantId: string,
    articles: readonly HelpArticle[],
  ): Promise<{ embedded: number } | { embedded: 0; skipped: EmbeddingSkipped }>;
}

export function createHelpService(options: {
  azure: AzureConfigResult;
  embeddings: EmbeddingStore;
  articles: (tenantId: string) => Promise<HelpArticle[]>;
}): HelpService {
  const { azure, embeddings } = options;
  const deps = helpDepsFor(azure, { embeddings });
  return {
    aiConfigured: deps.aiConfigured,
    async *messages(request) {
      const articles = await options.articles(request.tenantId);
      yield* helpMessages(provideContextualHelp(deps, { ...request, articles }));
    },
    async embedArticles(tenantId, articles) {
      if (!azure.ok) return { embedded: 0, skipped: 'azure_not_configured' };
      try {
        const client = createAzureHelpClient(azure.config);
        const stored = await ensureArticleEmbeddings(
          {
            store: embeddings,
            embed: (texts) => client.embed(texts),
            model: azure.config.embeddingDeployment,
          },
          tenantId,
          articles,
        );
        return { embedded: stored.length };
      } catch (err) {
        console.warn('help articles stored without embeddings', err);
        return { embedded: 0, skipped: 'embedding_failed' };
      }
    },
  };
}
