import { CircuitBreaker } from '../intelligence/recovery/circuit-breaker';
import { createAzureHelpClient } from './azure-client';
import { readAzureConfig } from './azure-config';
import type { HelpDeps } from './contextual-help';
import { type HelpCache, memoryHelpCache } from './help-cache';
import type { EmbeddingStore } from './retrieval';

/**
 * One breaker and one cache per isolate and endpoint: every journey object in the isolate shares what it
 * learns about Azure's health, so one failing call spares the next users the wait.
 */
const breakers = new Map<string, CircuitBreaker>();
const caches = new Map<string, HelpCache>();

/**
 * Builds `provideContextualHelp`'s dependencies from the Worker's environment. Without Azure settings the
 * client is undefined and help is authored, saying so.
 *
 * @example
 * const deps = helpDepsFromEnv(this.env, { embeddings: d1EmbeddingStore(database(this.env.DB)) });
 * for await (const m of helpMessages(provideContextualHelp(deps, req))) ws.send(JSON.stringify(m));
 */
export function helpDepsFromEnv(
  env: Readonly<Record<string, unknown>>,
  options: { embeddings: EmbeddingStore; cache?: HelpCache; newId?: () => string },
): HelpDeps & { aiConfigured: boolean; notConfigured?: string[] } {
  const azure = readAzureConfig(env);
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
