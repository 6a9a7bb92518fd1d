// A stand-in for the slice of the Cloudflare REST API the deploy calls, over real HTTP, answering in the
// API's envelope ({ success, errors, result, result_info }). Each D1 database is a real SQLite database
// (node:sqlite), so migrations and the tenant's rows are executed, not recorded. Test support only.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DatabaseSync } from 'node:sqlite';

export interface FakeCloudflare {
  /** CLOUDFLARE_API_BASE_URL for clients: `http://127.0.0.1:<port>/client/v4`. */
  baseUrl: string;
  accountId: string;
  token: string;
  /** Every request as `METHOD /path` (account prefix and query stripped), in arrival order. */
  requests: string[];
  databases: Map<string, { uuid: string; db: DatabaseSync }>;
  queues: Map<string, string>;
  secrets: Map<string, Map<string, string>>;
  /** Deployed Workers by name, with their Durable Object migration tag. */
  scripts: Map<string, string | undefined>;
  close(): Promise<void>;
}

type Handler = (body: Record<string, unknown>, match: RegExpMatchArray) => unknown;

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startFakeCloudflare(options: { pageSize?: number } = {}): Promise<FakeCloudflare> {
  const accountId = 'acc0123456789';
  const token = `token-${randomUUID()}`;
  const pageSize = options.pageSize ?? 100;
  const state = {
    requests: [] as string[],
    databases: new Map<string, { uuid: string; db: DatabaseSync }>(),
    queues: new Map<string, string>(),
    secrets: new Map<string, Map<string, string>>(),
    scripts: new Map<string, string | undefined>(),
  };

  const byUuid = (uuid: string) => {
    for (const d of state.databases.values()) if (d.uuid === uuid) return d.db;
    throw new ApiError(404, 7404, `database ${uuid} not found`);
  };

  const routes: [string, RegExp, Handler][] = [
    ['GET', /^\/d1\/database$/, () => [...state.databases].map(([name, d]) => ({ name, uuid: d.uuid }))],
    [
      'POST',
      /^\/d1\/database$/,
      (body) => {
        const name = String(body.name ?? '');
        if (state.databases.has(name))
          throw new ApiError(400, 7502, `A database with name "${name}" already exists`);
        const uuid = randomUUID();
        state.databases.set(name, { uuid, db: new DatabaseSync(':memory:') });
        return { uuid, name };
      },
    ],
    [
      'POST',
      /^\/d1\/database\/([^/]+)\/query$/,
      (body, m) => {
        const db = byUuid(decodeURIComponent(m[1]!));
        const sql = String(body.sql ?? '');
        const params = (body.params ?? []) as (string | number | null)[];
        try {
          if (params.length === 0 && !/^\s*select/i.test(sql)) {
            db.exec(sql);
            return [{ results: [], success: true }];
          }
          const statement = db.prepare(sql);
          if (/^\s*select/i.test(sql)) return [{ results: statement.all(...params), success: true }];
          statement.run(...params);
          return [{ results: [], success: true }];
        } catch (error) {
          throw new ApiError(400, 7500, `${(error as Error).message}: SQLITE_ERROR`);
        }
      },
    ],
    [
      'GET',
      /^\/queues$/,
      () => [...state.queues].map(([queue_name, queue_id]) => ({ queue_name, queue_id })),
    ],
    [
      'POST',
      /^\/queues$/,
      (body) => {
        const name = String(body.queue_name ?? '');
        if (state.queues.has(name)) throw new ApiError(409, 11009, `Queue name ${name} is already taken`);
        const id = randomUUID().replaceAll('-', '');
        state.queues.set(name, id);
        return { queue_id: id, queue_name: name };
      },
    ],
    [
      'PUT',
      /^\/workers\/scripts\/([^/]+)\/secrets$/,
      (body, m) => {
        const script = decodeURIComponent(m[1]!);
        if (!state.scripts.has(script))
          throw new ApiError(404, 10007, `This Worker does not exist on your account.`);
        if (body.type !== 'secret_text') throw new ApiError(400, 10021, 'type must be secret_text');
        const secrets = state.secrets.get(script) ?? new Map<string, string>();
        secrets.set(String(body.name), String(body.text));
        state.secrets.set(script, secrets);
        return { name: body.name, type: 'secret_text' };
      },
    ],
    [
      'GET',
      /^\/workers\/scripts$/,
      () => [...state.scripts].map(([id, migration_tag]) => ({ id, migration_tag })),
    ],
  ];

  const send = (res: ServerResponse, status: number, envelope: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(envelope));
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const prefix = `/client/v4/accounts/${accountId}`;
    const route = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    state.requests.push(`${req.method} ${route}`);
    if (req.headers.authorization !== `Bearer ${token}`) {
      return send(res, 403, {
        success: false,
        errors: [{ code: 10000, message: 'Authentication error' }],
        result: null,
      });
    }
    let text = '';
    for await (const chunk of req) text += chunk;
    try {
      const found = routes.find(([method, path]) => method === req.method && path.test(route));
      if (!found || !url.pathname.startsWith(prefix))
        throw new ApiError(404, 7003, `No route for ${req.method} ${route}`);
      const result = found[2](text ? JSON.parse(text) : {}, route.match(found[1])!);
      if (!Array.isArray(result)) return send(res, 200, { success: true, errors: [], result });
      const page = Number(url.searchParams.get('page') ?? 1);
      const perPage = Math.min(pageSize, Number(url.searchParams.get('per_page') ?? pageSize));
      const total_pages = Math.max(1, Math.ceil(result.length / perPage));
      const slice = /query$/.test(route) ? result : result.slice((page - 1) * perPage, page * perPage);
      send(res, 200, {
        success: true,
        errors: [],
        result: slice,
        result_info: { page, per_page: perPage, total_pages },
      });
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(500, 10001, String(error));
      send(res, e.status, { success: false, errors: [{ code: e.code, message: e.message }], result: null });
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...state,
    baseUrl: `http://127.0.0.1:${port}/client/v4`,
    accountId,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
