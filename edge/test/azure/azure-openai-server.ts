import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';

/**
 * A local HTTP server that speaks the Azure OpenAI data-plane API closely enough for the real `openai`
 * client (`AzureOpenAI`) to talk to it: `POST /openai/deployments/{deployment}/chat/completions` (plain
 * JSON and `stream: true` server-sent events, with Azure's leading `prompt_filter_results` chunk) and
 * `POST /openai/deployments/{deployment}/embeddings`, the `api-key` header, the `api-version` query, and
 * Azure's error bodies, 429 throttling with `retry-after` / `retry-after-ms`, 5xx and slow answers.
 *
 * Tests script a deployment before calling it (`POST /__control/deployments/{name}` with a list of
 * behaviours, consumed one per request; once the list is empty every request succeeds), and read back
 * what the server received (`GET /__control/deployments/{name}`). One deployment name per test keeps
 * tests that run concurrently apart.
 *
 * Embeddings are deterministic bags of hashed words (64 dimensions, unit length): texts that share words
 * are close, so retrieval can be tested for real without a model.
 */

export const AZURE_TEST_API_KEY = 'test-azure-key';
const EMBEDDING_DIMENSIONS = 64;

/** What the server does with one request to a scripted deployment. */
export type Behaviour =
  | { kind: 'ok'; content?: string }
  | { kind: 'error'; status: number; code?: string; message?: string }
  | { kind: 'throttle'; retryAfterSeconds?: number; retryAfterMs?: number }
  | { kind: 'slow'; delayMs: number; content?: string }
  /** Streams `chunks` deltas, then drops the connection without `[DONE]` (a stream cut mid-answer). */
  | { kind: 'cut_stream'; chunks: number };

export interface ReceivedRequest {
  path: string;
  apiVersion: string | null;
  apiKey: string | null;
  body: unknown;
  at: number;
}

interface DeploymentState {
  script: Behaviour[];
  received: ReceivedRequest[];
}

export interface AzureOpenAIStandIn {
  /** The value for `AZURE_OPENAI_ENDPOINT`, e.g. `http://127.0.0.1:41234`. */
  endpoint: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** FNV-1a, so the same word lands in the same dimension in every run. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function standInEmbedding(text: string): number[] {
  const v = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []) {
    v[hashWord(word) % EMBEDDING_DIMENSIONS]! += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

function defaultAnswer(body: { messages?: Array<{ role: string; content: unknown }> }): string {
  const user = body.messages?.filter((m) => m.role === 'user').at(-1);
  const question =
    typeof user?.content === 'string' ? user.content.split('\n')[0]!.slice(0, 120) : 'your question';
  return `Here is how to get past this step. Look at the highlighted element, then follow the article. (${question})`;
}

function words(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [text];
}

function chunkJson(id: string, model: string, delta: Record<string, unknown>, finish: string | null) {
  return JSON.stringify({
    id,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta, finish_reason: finish, content_filter_results: {} }],
  });
}

async function answerChat(
  res: ServerResponse,
  body: { stream?: boolean; messages?: Array<{ role: string; content: unknown }> },
  content: string,
  cutAfter?: number,
) {
  const id = `chatcmpl-${Math.random().toString(36).slice(2)}`;
  const model = 'gpt-4o-mini';
  if (!body.stream) {
    sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: 100,
        completion_tokens: words(content).length,
        total_tokens: 100 + words(content).length,
      },
    });
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  // Azure opens a stream with a chunk that has no choices, only the prompt's content-filter results.
  res.write(
    `data: ${JSON.stringify({ id: '', object: '', created: 0, model: '', choices: [], prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }] })}\n\n`,
  );
  res.write(`data: ${chunkJson(id, model, { role: 'assistant', content: '' }, null)}\n\n`);
  let sent = 0;
  for (const w of words(content)) {
    if (cutAfter !== undefined && sent >= cutAfter) {
      res.destroy();
      return;
    }
    res.write(`data: ${chunkJson(id, model, { content: w }, null)}\n\n`);
    sent++;
    await new Promise((r) => setTimeout(r, 2));
  }
  res.write(`data: ${chunkJson(id, model, {}, 'stop')}\n\n`);
  res.write('data: [DONE]\n\n');
  res.end();
}

/**
 * Starts the stand-in on a free port of 127.0.0.1.
 *
 * @example
 * const azure = await startAzureOpenAIStandIn();
 * const client = new AzureOpenAI({ endpoint: azure.endpoint, apiKey: AZURE_TEST_API_KEY, apiVersion: '2024-10-21' });
 */
export async function startAzureOpenAIStandIn(): Promise<AzureOpenAIStandIn> {
  const deployments = new Map<string, DeploymentState>();
  const stateOf = (name: string) => {
    let s = deployments.get(name);
    if (!s) {
      s = { script: [], received: [] };
      deployments.set(name, s);
    }
    return s;
  };

  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const control = url.pathname.match(/^\/__control\/deployments\/([^/]+)$/);
      if (control) {
        const state = stateOf(decodeURIComponent(control[1]!));
        if (req.method === 'POST') {
          const { script } = JSON.parse(await text(req)) as { script: Behaviour[] };
          state.script = [...script];
          state.received = [];
          sendJson(res, 204, {});
          return;
        }
        sendJson(res, 200, { received: state.received, remaining: state.script.length });
        return;
      }

      const api = url.pathname.match(/^\/openai\/deployments\/([^/]+)\/(chat\/completions|embeddings)$/);
      if (!api || req.method !== 'POST') {
        sendJson(res, 404, { error: { code: '404', message: 'Resource not found' } });
        return;
      }
      const state = stateOf(decodeURIComponent(api[1]!));
      const raw = await text(req);
      const body = JSON.parse(raw || '{}');
      const apiKey = req.headers['api-key'];
      state.received.push({
        path: url.pathname,
        apiVersion: url.searchParams.get('api-version'),
        apiKey: typeof apiKey === 'string' ? apiKey : null,
        body,
        at: Date.now(),
      });
      if (!url.searchParams.get('api-version')) {
        sendJson(res, 404, { error: { code: '404', message: 'Resource not found' } });
        return;
      }
      if (apiKey !== AZURE_TEST_API_KEY) {
        sendJson(res, 401, {
          error: {
            code: '401',
            message:
              'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
          },
        });
        return;
      }

      const behaviour: Behaviour = state.script.shift() ?? { kind: 'ok' };
      if (behaviour.kind === 'throttle') {
        const headers: Record<string, string> = {};
        if (behaviour.retryAfterSeconds !== undefined)
          headers['retry-after'] = String(behaviour.retryAfterSeconds);
        if (behaviour.retryAfterMs !== undefined) headers['retry-after-ms'] = String(behaviour.retryAfterMs);
        sendJson(
          res,
          429,
          {
            error: {
              code: '429',
              message:
                'Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 1 second.',
            },
          },
          headers,
        );
        return;
      }
      if (behaviour.kind === 'error') {
        sendJson(res, behaviour.status, {
          error: {
            code: behaviour.code ?? String(behaviour.status),
            message: behaviour.message ?? 'The server had an error',
          },
        });
        return;
      }
      if (behaviour.kind === 'slow') await new Promise((r) => setTimeout(r, behaviour.delayMs));
      if (res.destroyed) return;

      if (api[2] === 'embeddings') {
        const input: string[] = Array.isArray(body.input) ? body.input : [body.input];
        sendJson(res, 200, {
          object: 'list',
          model: 'text-embedding-3-small',
          data: input.map((text, index) => ({
            object: 'embedding',
            index,
            embedding: standInEmbedding(String(text)),
          })),
          usage: { prompt_tokens: input.length, total_tokens: input.length },
        });
        return;
      }
      const content = ('content' in behaviour && behaviour.content) || defaultAnswer(body);
      await answerChat(res, body, content, behaviour.kind === 'cut_stream' ? behaviour.chunks : undefined);
    } catch (error) {
      if (!res.headersSent)
        sendJson(res, 500, { error: { code: 'stand_in_failure', message: String(error) } });
      else res.destroy();
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
