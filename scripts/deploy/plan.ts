// The pure half of `pnpm run deploy`: what the Worker's config asks for, what exists on the account, and
// what to create; the generated config with the real ids; the migrations still to apply. No I/O here.

/** The account resources the Worker's config names. */
export interface Desired {
  workerName: string;
  database: { binding: string; name: string };
  queues: string[];
  /** Durable Object classes and the migration tags that create them, in config order. */
  durableObjects: { classes: string[]; migrationTags: string[] };
}

/** What the account already has, by name. */
export interface Existing {
  databases: ReadonlyMap<string, string>;
  queues: ReadonlyMap<string, string>;
}

export type Action = { kind: 'create-database'; name: string } | { kind: 'create-queue'; name: string };

interface WranglerConfig {
  name?: unknown;
  d1_databases?: { binding?: unknown; database_name?: unknown; database_id?: unknown }[];
  queues?: {
    producers?: { queue?: unknown }[];
    consumers?: { queue?: unknown; dead_letter_queue?: unknown }[];
  };
  durable_objects?: { bindings?: { class_name?: unknown }[] };
  migrations?: { tag?: unknown }[];
  [key: string]: unknown;
}

/** Reads the names the deploy must make real; throws on a config it cannot deploy (one D1, named queues). */
export function desiredResources(config: unknown): Desired {
  const c = config as WranglerConfig;
  if (typeof c.name !== 'string' || c.name === '') throw new Error('wrangler config: "name" is required');
  const dbs = c.d1_databases ?? [];
  const db = dbs[0];
  if (dbs.length !== 1 || typeof db?.binding !== 'string' || typeof db.database_name !== 'string') {
    throw new Error('wrangler config: exactly one d1_databases entry with binding and database_name');
  }
  const names = [
    ...(c.queues?.producers ?? []).map((p) => p.queue),
    ...(c.queues?.consumers ?? []).flatMap((q) => [q.queue, q.dead_letter_queue]),
  ].filter((q): q is string => typeof q === 'string' && q !== '');
  const strings = (values: unknown[]) => values.filter((v): v is string => typeof v === 'string' && v !== '');
  return {
    workerName: c.name,
    database: { binding: db.binding, name: db.database_name },
    queues: [...new Set(names)],
    durableObjects: {
      classes: strings((c.durable_objects?.bindings ?? []).map((b) => b.class_name)),
      migrationTags: strings((c.migrations ?? []).map((m) => m.tag)),
    },
  };
}

/** Only what is missing is created, so a second run plans nothing. */
export function planResources(desired: Desired, existing: Existing): Action[] {
  const actions: Action[] = [];
  if (!existing.databases.has(desired.database.name)) {
    actions.push({ kind: 'create-database', name: desired.database.name });
  }
  for (const name of desired.queues) {
    if (!existing.queues.has(name)) actions.push({ kind: 'create-queue', name });
  }
  return actions;
}

/** The config wrangler deploys: the committed one with the database's real id; nobody pastes ids. */
export function generatedConfig(config: unknown, databaseId: string): Record<string, unknown> {
  const c = structuredClone(config) as WranglerConfig;
  c.d1_databases = (c.d1_databases ?? []).map((d) => ({ ...d, database_id: databaseId }));
  delete c.$schema;
  return c;
}

/** Migration files not yet recorded in `d1_migrations`, in file order (0000_…, 0001_…). */
export function pendingMigrations(files: readonly string[], applied: readonly string[]): string[] {
  const done = new Set(applied);
  return files.filter((f) => /^\d{4}_.+\.sql$/.test(f) && !done.has(f)).sort((a, b) => a.localeCompare(b));
}

/**
 * The Durable Object migrations `wrangler deploy` will apply: those after the deployed tag. A deployed tag
 * the config does not know means the config lost history; deploying it would fail, so it is refused here.
 */
export function pendingObjectMigrations(tags: readonly string[], deployed: string | undefined): string[] {
  if (deployed === undefined) return [...tags];
  const at = tags.indexOf(deployed);
  if (at < 0)
    throw new Error(
      `the deployed Worker is at Durable Object migration "${deployed}", which wrangler config lacks`,
    );
  return tags.slice(at + 1);
}

/** The secrets the Worker reads (edge/src/env.ts and the adapters' env types); the deploy uploads no other. */
const knownSecrets = new Set([
  'UPSTASH_REDIS_REST_URL',
  'UPSTASH_REDIS_REST_TOKEN',
  'AZURE_OPENAI_ENDPOINT',
  'AZURE_OPENAI_API_KEY',
  'AZURE_OPENAI_CHAT_DEPLOYMENT',
  'AZURE_OPENAI_EMBEDDING_DEPLOYMENT',
  'AZURE_OPENAI_API_VERSION',
  'AZURE_OPENAI_TIMEOUT_MS',
  'ESCALATION_WEBHOOK_URL',
  'ESCALATION_WEBHOOK_SECRET',
  'ESCALATION_WEBHOOK_FORMAT',
]);

/**
 * The secrets named on the command line, each read from the environment variable of the same name (so no
 * value is on the command line or in shell history); a name the Worker never reads or one without a value
 * is an error, not a silent skip.
 */
export function secretsFromEnv(names: readonly string[], env: Readonly<Record<string, string | undefined>>) {
  const secrets: Record<string, string> = {};
  for (const name of names) {
    if (!knownSecrets.has(name)) throw new Error(`--secret ${name}: not a secret the Worker reads`);
    const value = env[name];
    if (value === undefined || value === '')
      throw new Error(`--secret ${name}: set the environment variable ${name}`);
    secrets[name] = value;
  }
  return secrets;
}
