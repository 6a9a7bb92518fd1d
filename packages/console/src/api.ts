/**
 * The console's only way to the edge: same-origin `fetch` to `/v1/admin/*`. The session cookie is HttpOnly,
 * so scripts never hold it; what they hold is the session's CSRF token, sent on every changing request
 * (the edge refuses a changing request with the cookie and without it).
 */

/** A refused request, with the edge's stable `code` and, for bad input, its field issues. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface Reply<T> {
  data: T;
  /** The ETag, for resources versioned by revision (drafts, targeting). */
  etag: string | null;
  status: number;
}

let csrfToken = '';

/** Keeps the token the sign-in (or `GET /v1/admin/session`) returned; empty after signing out. */
export function setCsrfToken(token: string) {
  csrfToken = token;
}

const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Calls the admin API and answers the JSON body, or throws `ApiFailure` with the error's code.
 *
 * @example
 * const { data, etag } = await request<FlowDraft>('GET', `/v1/admin/flows/${id}/draft`);
 * await request('PUT', `/v1/admin/flows/${id}/draft`, { body: data.definition, ifMatch: etag });
 */
export async function request<T>(
  method: string,
  path: string,
  options: { body?: unknown; ifMatch?: string | null } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (CHANGING.has(method) && csrfToken) headers['x-so-csrf'] = csrfToken;
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiFailure(0, 'network_error', 'the edge did not answer; check your connection');
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiFailure(
      res.status,
      error?.code ?? 'http_error',
      error?.message ?? `the edge answered ${res.status}`,
      (error?.details as Record<string, unknown> | undefined) ?? {},
    );
  }
  return { data: body as T, etag: res.headers.get('etag'), status: res.status };
}

/** The field issues a `validation_failed` answer carries (`details.issues`), or none. */
export function issuesOf(err: unknown): { path: string; message: string }[] {
  if (!(err instanceof ApiFailure)) return [];
  const issues = err.details.issues;
  return Array.isArray(issues)
    ? issues.map((i) => ({ path: String(i?.path ?? ''), message: String(i?.message ?? '') }))
    : [];
}

/** What to tell a person about a failure: the edge's message, with its code for support. */
export function describeFailure(err: unknown): string {
  if (err instanceof ApiFailure) return `${err.message} (${err.code})`;
  return err instanceof Error ? err.message : String(err);
}
