// The Cloudflare REST API (v4), only the calls the deploy makes. The base URL is
// CLOUDFLARE_API_BASE_URL's, as for wrangler, so a local stand-in can answer in tests.

export interface CloudflareApi {
  listDatabases(): Promise<Map<string, string>>;
  createDatabase(name: string): Promise<string>;
  listQueues(): Promise<Map<string, string>>;
  createQueue(name: string): Promise<string>;
  /** One statement with bound params, or several without; returns the last statement's rows. */
  query(databaseId: string, sql: string, params?: readonly (string | number | null)[]): Promise<Row[]>;
  putSecret(scriptName: string, name: string, value: string): Promise<void>;
  /** The Durable Object migration tag of the deployed Worker; undefined before its first deploy. */
  deployedMigrationTag(scriptName: string): Promise<string | undefined>;
}

type Row = Record<string, unknown>;

const defaultApiBase = 'https://api.cloudflare.com/client/v4';

interface Envelope<T> {
  success: boolean;
  errors?: { code?: number; message?: string }[];
  result: T;
  result_info?: { page?: number; total_pages?: number };
}

export function cloudflareApi(options: {
  accountId: string;
  token: string;
  baseUrl?: string;
  fetch?: typeof fetch;
}): CloudflareApi {
  const base = `${(options.baseUrl ?? defaultApiBase).replace(/\/$/, '')}/accounts/${encodeURIComponent(options.accountId)}`;
  const doFetch = options.fetch ?? fetch;

  async function call<T>(method: string, path: string, body?: unknown): Promise<Envelope<T>> {
    const res = await doFetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let envelope: Envelope<T> | undefined;
    try {
      envelope = JSON.parse(text) as Envelope<T>;
    } catch {
      // Not the API's envelope (a proxy's page): reported below with the status.
    }
    if (!res.ok || !envelope?.success) {
      const why = envelope?.errors?.map((e) => `${e.code ?? ''} ${e.message ?? ''}`.trim()).join('; ');
      throw new Error(`Cloudflare API ${method} ${path}: ${res.status} ${why || text.slice(0, 200)}`);
    }
    return envelope;
  }

  async function listAll<T>(path: string): Promise<T[]> {
    const all: T[] = [];
    for (let page = 1; ; page++) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await call<T[]>('GET', `${path}${sep}page=${page}&per_page=100`);
      all.push(...res.result);
      const pages = res.result_info?.total_pages ?? 1;
      if (res.result.length === 0 || page >= pages) return all;
    }
  }

  return {
    async listDatabases() {
      const dbs = await listAll<{ uuid: string; name: string }>('/d1/database');
      return new Map(dbs.map((d) => [d.name, d.uuid]));
    },
    async createDatabase(name) {
      return (await call<{ uuid: string }>('POST', '/d1/database', { name })).result.uuid;
    },
    async listQueues() {
      const queues = await listAll<{ queue_id: string; queue_name: string }>('/queues');
      return new Map(queues.map((q) => [q.queue_name, q.queue_id]));
    },
    async createQueue(name) {
      return (await call<{ queue_id: string }>('POST', '/queues', { queue_name: name })).result.queue_id;
    },
    async query(databaseId, sql, params = []) {
      const res = await call<{ results?: Row[]; success: boolean }[]>(
        'POST',
        `/d1/database/${encodeURIComponent(databaseId)}/query`,
        { sql, params },
      );
      return res.result.at(-1)?.results ?? [];
    },
    async putSecret(scriptName, name, value) {
      await call('PUT', `/workers/scripts/${encodeURIComponent(scriptName)}/secrets`, {
        name,
        text: value,
        type: 'secret_text',
      });
    },
    async deployedMigrationTag(scriptName) {
      const scripts = (await call<{ id: string; migration_tag?: string }[]>('GET', '/workers/scripts'))
        .result;
      return scripts.find((s) => s.id === scriptName)?.migration_tag || undefined;
    },
  };
}
