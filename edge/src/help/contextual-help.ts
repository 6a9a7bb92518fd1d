import type { HelpArticle, HelpContent } from '@smart-onboarding/protocol';
import {
  classifyAzureError,
  countsAgainstAzure,
  describeAzureError,
  type HelpModelClient,
} from '../adapters/azure-openai/azure-client';
import type { CircuitBreaker } from '../resilience/circuit-breaker';
import {
  DEFAULT_RETRY,
  RetriesExhaustedError,
  type RetryOptions,
  retryWithBackoff,
} from '../resilience/retry';
import { authoredHelp } from './authored-help';
import { type HelpCache, helpCacheKey } from './help-cache';
import type { HelpRequest } from './help-request';
import { helpOutputProblem } from './output-guard';
import { buildHelpMessages, retrievalQuery } from './prompt';
import { type EmbeddingStore, ensureArticleEmbeddings, keywordRank, topK } from './retrieval';

export interface HelpDeps {
  /** Undefined when Azure OpenAI is not configured: help is then authored and says so. */
  client: HelpModelClient | undefined;
  breaker: CircuitBreaker;
  cache: HelpCache;
  embeddings: EmbeddingStore;
  /** Stored with each embedding, so a model change re-embeds the library. */
  embeddingModel: string;
  newId: () => string;
  /** Retry settings for opening the stream and for embeddings. */
  retry?: Partial<Omit<RetryOptions, 'classify'>>;
  /** The stream is abandoned when no delta arrives for this long. */
  idleTimeoutMs?: number;
  cacheTtlSec?: number;
  /** Articles put in the prompt. */
  maxArticles?: number;
}

export type HelpEvent =
  | { type: 'start'; helpId: string; source: HelpContent['source']; cached: boolean; degradedReason?: string }
  | { type: 'delta'; helpId: string; text: string }
  | { type: 'end'; help: HelpContent };

const MAX_TEXT = 20_000;

/**
 * Help is interactive: a user is waiting. Retries are few and short, and a throttle that asks for longer
 * than `maxMs` is not waited out: the authored help is served at once instead.
 */
const HELP_RETRY = { ...DEFAULT_RETRY, maxRetries: 2, baseMs: 150, maxMs: 3000 };

function helpRetry(deps: HelpDeps) {
  const options = { ...HELP_RETRY, ...deps.retry };
  return {
    ...options,
    classify: (e: unknown) => {
      const verdict = classifyAzureError(e);
      return verdict.retryAfterMs !== undefined && verdict.retryAfterMs > options.maxMs
        ? { retry: false }
        : verdict;
    },
  };
}

async function rankArticles(
  deps: HelpDeps,
  req: HelpRequest,
): Promise<{ articles: HelpArticle[]; retrieval: 'embeddings' | 'keywords' }> {
  const k = deps.maxArticles ?? 3;
  const linked = req.step?.helpArticleIds ?? [];
  if (req.articles.length === 0) return { articles: [], retrieval: 'keywords' };
  const client = deps.client;
  if (client) {
    try {
      const embed = (texts: string[]) =>
        retryWithBackoff(() => client.embed(texts), { ...helpRetry(deps), maxRetries: 1 });
      const stored = await ensureArticleEmbeddings(
        { store: deps.embeddings, embed, model: deps.embeddingModel },
        req.tenantId,
        req.articles,
      );
      const [query] = await embed([retrievalQuery(req)]);
      const byId = new Map(req.articles.map((a) => [a.id, a]));
      // Articles the author linked from the step get a nudge: the author knows the step best.
      const ranked = topK(query!, stored, stored.length)
        .map((e) => ({
          article: byId.get(e.articleId)!,
          score: e.similarity + (linked.includes(e.articleId) ? 0.15 : 0),
        }))
        .sort((a, b) => b.score - a.score);
      return { articles: ranked.slice(0, k).map((r) => r.article), retrieval: 'embeddings' };
    } catch {
      // Retrieval is an aid: without embeddings, rank by linked articles and shared words.
    }
  }
  return {
    articles: keywordRank(retrievalQuery(req), req.articles, linked)
      .slice(0, k)
      .map((r) => r.article),
    retrieval: 'keywords',
  };
}

/** Ends an iterator that goes quiet for `ms`, by aborting its request. */
async function* withIdleTimeout(
  source: AsyncIterable<string>,
  ms: number,
  controller: AbortController,
): AsyncGenerator<string> {
  const it = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const idle = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new Error(`no answer from the model for ${ms} ms`);
          error.name = 'TimeoutError';
          controller.abort(error);
          reject(error);
        }, ms);
      });
      try {
        const r = await Promise.race([it.next(), idle]);
        if (r.done) return;
        yield r.value;
      } finally {
        clearTimeout(timer);
      }
    }
  } finally {
    await it.return?.();
  }
}

function* authoredEvents(help: HelpContent): Generator<HelpEvent> {
  yield {
    type: 'start',
    helpId: help.id,
    source: 'authored',
    cached: false,
    ...(help.degradedReason ? { degradedReason: help.degradedReason } : {}),
  };
  yield { type: 'delta', helpId: help.id, text: help.text };
  yield { type: 'end', help };
}

/**
 * The seed's `provideContextualHelp`: help for this exact moment, streamed. Generated by Azure OpenAI,
 * grounded in the step, the element, the page and the tenant's articles (retrieved by embedding
 * similarity), with personal data scrubbed from everything sent; cached per step and reason; behind a
 * timeout, retries with backoff and jitter that honour `retry-after`, and a circuit breaker. When Azure is
 * not configured, its circuit is open, or it fails before answering, the tenant's authored help is served
 * with `source: 'authored'` and a `degradedReason`.
 *
 * Events: one `start` (the source is known), `delta`s (append them), one `end` with the full `HelpContent`.
 *
 * @example
 * for await (const e of provideContextualHelp(deps, req)) {
 *   if (e.type === 'delta') ws.send(JSON.stringify({ type: 'help_chunk', helpId: e.helpId, delta: e.text, done: false }));
 *   if (e.type === 'end') ws.send(JSON.stringify({ type: 'help', help: e.help }));
 * }
 */
export async function* provideContextualHelp(deps: HelpDeps, req: HelpRequest): AsyncGenerator<HelpEvent> {
  const key = helpCacheKey({
    tenantId: req.tenantId,
    flowId: req.flow.id,
    flowVersion: req.flow.version,
    ...(req.step ? { stepId: req.step.id } : {}),
    ...(req.reasons ? { reasons: req.reasons } : {}),
    ...(req.element ? { element: req.element } : {}),
    ...(req.locale ? { locale: req.locale } : {}),
    ...(req.question ? { question: req.question } : {}),
    ...(req.page ? { page: req.page.path } : {}),
    ...(req.guidance ? { guidance: req.guidance } : {}),
    articles: req.articles,
  });
  const cached = await deps.cache.get(key);
  if (cached) {
    const help = { ...cached, id: deps.newId() };
    yield { type: 'start', helpId: help.id, source: help.source, cached: true };
    yield { type: 'delta', helpId: help.id, text: help.text };
    yield { type: 'end', help };
    return;
  }

  const id = deps.newId();
  const client = deps.client;
  if (!client) {
    const { articles } = await rankArticles(deps, req);
    yield* authoredEvents(authoredHelp(req, articles, 'azure_not_configured', id));
    return;
  }
  if (!deps.breaker.tryAcquire()) {
    const { articles } = await rankArticles({ ...deps, client: undefined }, req);
    yield* authoredEvents(
      authoredHelp(
        req,
        articles,
        `circuit_open: retry in ${Math.ceil(deps.breaker.retryInMs() / 1000)} s`,
        id,
      ),
    );
    return;
  }

  const { articles } = await rankArticles(deps, req);
  const messages = buildHelpMessages(req, articles);
  const controller = new AbortController();
  let stream: AsyncIterable<string>;
  try {
    stream = await retryWithBackoff(() => client.streamChat(messages, controller.signal), helpRetry(deps));
  } catch (error) {
    const cause = error instanceof RetriesExhaustedError ? error.lastError : error;
    if (countsAgainstAzure(cause)) deps.breaker.failure();
    else deps.breaker.success();
    const attempts = error instanceof RetriesExhaustedError ? ` after ${error.attempts} attempts` : '';
    yield* authoredEvents(authoredHelp(req, articles, `${describeAzureError(cause)}${attempts}`, id));
    return;
  }

  const sources = articles.map((a) => ({
    articleId: a.id,
    title: a.title,
    ...(a.url ? { url: a.url } : {}),
  }));
  const base = {
    id,
    ...(req.step ? { stepId: req.step.id } : {}),
    source: 'generated' as const,
    ...((req.element ?? req.step?.target?.selector)
      ? { targetSelector: (req.element ?? req.step?.target?.selector)! }
      : {}),
    sources,
  };
  let text = '';
  let settled = false;
  try {
    yield { type: 'start', helpId: id, source: 'generated', cached: false };
    try {
      for await (const delta of withIdleTimeout(stream, deps.idleTimeoutMs ?? 10_000, controller)) {
        if (text.length + delta.length > MAX_TEXT) break;
        text += delta;
        // The whole text so far: a link split across deltas is still seen. A refused answer is cut, never
        // cached, and its final message replaces what was streamed with the authored help.
        const problem = helpOutputProblem(text, articles);
        if (problem) {
          settled = true;
          deps.breaker.success();
          controller.abort(new Error('answer refused'));
          const fallback = authoredHelp(req, articles, `output_rejected: ${problem}`, id);
          yield { type: 'end', help: fallback };
          return;
        }
        yield { type: 'delta', helpId: id, text: delta };
      }
    } catch (error) {
      // Cut mid-answer: keep what arrived, add the authored help after it, and say so.
      settled = true;
      deps.breaker.failure();
      const fallback = authoredHelp(req, articles, 'stream_interrupted', id);
      const tail = `${text ? '\n\n' : ''}${fallback.text}`.slice(0, MAX_TEXT - text.length);
      yield { type: 'delta', helpId: id, text: tail };
      yield {
        type: 'end',
        help: {
          ...base,
          text: text + tail,
          degradedReason: `stream_interrupted: ${describeAzureError(error)}`,
        },
      };
      return;
    }
    settled = true;
    deps.breaker.success();
    const help: HelpContent = { ...base, text };
    if (text.trim()) await deps.cache.put(key, help, deps.cacheTtlSec ?? 24 * 3600);
    yield { type: 'end', help };
  } finally {
    if (!settled) {
      // The consumer stopped reading (the tab closed): the service was answering, so the breaker hears
      // a success (a half-open probe must not stay in flight forever), and the request is cancelled.
      deps.breaker.success();
      controller.abort(new Error('the reader went away'));
    }
  }
}

/**
 * Runs help to the end and returns the final content: for the HTTP route that answers in one piece.
 *
 * @example
 * const help = await collectHelp(provideContextualHelp(deps, req));
 */
export async function collectHelp(events: AsyncIterable<HelpEvent>): Promise<HelpContent> {
  let last: HelpContent | undefined;
  for await (const e of events) if (e.type === 'end') last = e.help;
  if (!last) throw new Error('help ended without content');
  return last;
}
