import { APIConnectionError, APIError, AzureOpenAI } from 'openai';
import { retryAfterFromHeaders } from '../../resilience/backoff';
import type { RetryVerdict } from '../../resilience/retry';
import type { AzureOpenAIConfig } from './azure-config';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The two calls help needs, behind an interface so the service can be driven by any implementation. */
export interface HelpModelClient {
  /** Opens a streamed chat completion; resolves once the response headers arrived (errors surface here). */
  streamChat(messages: ChatMessage[], signal: AbortSignal): Promise<AsyncIterable<string>>;
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}

/**
 * The Azure OpenAI client for help, with the official `openai` package's `AzureOpenAI`. Its own retries
 * are off (`maxRetries: 0`): retries, backoff and the circuit breaker are ours, so one policy covers
 * every outside call and a retry never happens behind the breaker's back.
 *
 * @example
 * const azure = readAzureConfig(env);
 * const client = azure.ok ? createAzureHelpClient(azure.config) : undefined;
 */
export function createAzureHelpClient(config: AzureOpenAIConfig): HelpModelClient {
  const client = new AzureOpenAI({
    endpoint: config.endpoint,
    apiKey: config.apiKey,
    apiVersion: config.apiVersion,
    maxRetries: 0,
    timeout: config.timeoutMs,
  });
  return {
    async streamChat(messages, signal) {
      const stream = await client.chat.completions.create(
        { model: config.chatDeployment, messages, stream: true, temperature: 0.2, max_tokens: 400 },
        { signal },
      );
      return (async function* () {
        for await (const chunk of stream) {
          // Azure opens with a chunk of content-filter results and no choices.
          const delta = chunk.choices[0]?.delta?.content;
          if (delta) yield delta;
        }
      })();
    },
    async embed(texts, signal) {
      const res = await client.embeddings.create(
        { model: config.embeddingDeployment, input: texts },
        signal ? { signal } : {},
      );
      return [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    },
  };
}

/** Why an Azure call failed, in a short stable form for `degradedReason` and logs. */
export function describeAzureError(error: unknown): string {
  if (error instanceof APIError && error.status !== undefined) {
    if (error.status === 429) return 'azure_throttled';
    if (error.status === 401 || error.status === 403) return 'azure_auth_failed';
    if (error.status >= 500) return `azure_unavailable_${error.status}`;
    return `azure_rejected_${error.status}`;
  }
  if (error instanceof APIConnectionError)
    return /timed out/i.test(error.message) ? 'azure_timeout' : 'azure_unreachable';
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'azure_timeout';
  return 'azure_failed';
}

/**
 * Which Azure failures are worth retrying: throttling (with its `retry-after`), server errors, timeouts
 * and broken connections. A 400 or 401 will fail the same way again.
 */
export function classifyAzureError(error: unknown, now: number = Date.now()): RetryVerdict {
  if (error instanceof APIError && error.status !== undefined) {
    const retry = error.status === 408 || error.status === 409 || error.status === 429 || error.status >= 500;
    const retryAfterMs = retryAfterFromHeaders(error.headers as Headers | undefined, now);
    return retry ? { retry, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) } : { retry: false };
  }
  if (error instanceof APIConnectionError) return { retry: true };
  return { retry: false };
}

/** Whether a failure says the service is unhealthy (as opposed to our request being wrong). */
export function countsAgainstAzure(error: unknown): boolean {
  if (error instanceof APIError && error.status !== undefined)
    return error.status === 429 || error.status >= 500 || error.status === 408;
  return true;
}
