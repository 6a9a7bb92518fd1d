import type { ErrorBody } from '@smart-onboarding/protocol';
import { type OperationName, operations, type RequestOf, type ResponseOf } from './operations';

export interface ServerClientOptions {
  /** The edge's base URL, e.g. `https://onboarding.example.com`. */
  endpoint: string;
  /** The tenant's secret key (`sk_…`): for servers only, never a page. */
  secretKey: string;
  /** Defaults to the global fetch (Node 18+, Deno, Bun, Workers). */
  fetch?: typeof fetch;
}

/** An error answer of the edge, with its stable code (`not_found`, `validation_failed`, …). */
export class SmartOnboardingError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'SmartOnboardingError';
  }
}

/** One method per operation of `operations`, named by its operationId. */
export type ServerClient = {
  [N in OperationName]: (request: RequestOf<N>) => Promise<ResponseOf<N>>;
};

function urlOf(endpoint: string, path: string, request: Record<string, unknown>): URL {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = request[name];
    if (value === undefined || value === '') throw new TypeError(`${name} is required`);
    return encodeURIComponent(String(value));
  });
  const url = new URL(filled, endpoint.endsWith('/') ? endpoint : `${endpoint}/`);
  const query = (request.query ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url;
}

async function errorOf(res: Response): Promise<SmartOnboardingError> {
  const text = await res.text();
  try {
    const { error } = JSON.parse(text) as ErrorBody;
    return new SmartOnboardingError(res.status, error.code, error.message, error.details);
  } catch {
    return new SmartOnboardingError(res.status, 'http_error', `${res.status} ${text.slice(0, 200)}`);
  }
}

/**
 * A typed client for the edge's admin and journey API, authenticated with the secret key.
 *
 * @example
 * const so = createServerClient({ endpoint: 'https://onboarding.example.com', secretKey: env.SO_SECRET_KEY });
 * await so.initializeUserJourney({ userId: 'user-42', body: { flowId: 'first-run' } });
 * const { step } = await so.getNextOptimalStep({ userId: 'user-42' });
 */
export function createServerClient(options: ServerClientOptions): ServerClient {
  if (!options.secretKey.startsWith('sk_')) throw new TypeError('secretKey must be a secret key (sk_…)');
  const doFetch = options.fetch ?? fetch;
  const call = async (name: OperationName, request: Record<string, unknown>) => {
    const op = operations[name];
    const hasBody = 'body' in op;
    const res = await doFetch(urlOf(options.endpoint, op.path, request), {
      method: op.method,
      headers: {
        authorization: `Bearer ${options.secretKey}`,
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
      },
      body: hasBody ? JSON.stringify(request.body) : undefined,
    });
    if (!res.ok) throw await errorOf(res);
    return res.status === 204 ? undefined : res.json();
  };
  const client = {} as Record<OperationName, (request: Record<string, unknown>) => Promise<unknown>>;
  for (const name of Object.keys(operations) as OperationName[])
    client[name] = (request) => call(name, request);
  return client as unknown as ServerClient;
}
