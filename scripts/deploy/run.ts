// `pnpm run deploy`: one command from a Cloudflare account to a running edge with its first tenant. Every
// step looks before it acts, so a second run changes nothing and a run that stopped half-way resumes:
// D1 and queues are created only when missing, migrations only when not recorded, the tenant only when it
// has no key. `--dry-run` does everything that writes nothing to the account: it reads the account when
// credentials are given, plans, writes the generated config and bundles the Worker against its budget.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { budgetReport, measureBundle } from './bundle';
import type { CloudflareApi } from './cloudflare-api';
import { parseJsonc } from './jsonc';
import { migrate } from './migrations';
import {
  desiredResources,
  type Existing,
  generatedConfig,
  pendingObjectMigrations,
  planResources,
} from './plan';
import { ensureTenant, type TenantInput, type TenantKeys } from './tenant';
import type { Wrangler } from './wrangler';

export interface DeployOptions {
  edgeDir: string;
  dryRun: boolean;
  secrets: Readonly<Record<string, string>>;
  tenant?: TenantInput;
  /** File name of the generated config inside edgeDir; default wrangler.deploy.json. */
  configName?: string;
}

export interface DeployDeps {
  /** Undefined without credentials: only a dry run can go on. */
  api: CloudflareApi | undefined;
  wrangler: Wrangler;
  /** Handed to wrangler's own deploy (CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_API_BASE_URL). */
  wranglerEnv: Readonly<Record<string, string>>;
  log(line: string): void;
  now(): number;
}

export interface DeployResult {
  created: string[];
  migrations: string[];
  secrets: string[];
  tenantKeys: TenantKeys | undefined;
  configPath: string;
  bundle: { rawBytes: number; gzipBytes: number; over: boolean };
}

/** The committed config's placeholder, kept in a dry run without an account. */
const placeholderId = '00000000-0000-0000-0000-000000000000';

/** Written beside wrangler.jsonc so its relative paths (main, assets, migrations_dir) still hold; git-ignored. */
const generatedConfigName = 'wrangler.deploy.json';

export async function runDeploy(options: DeployOptions, deps: DeployDeps): Promise<DeployResult> {
  const { api, log } = deps;
  const write = !options.dryRun;
  if (!api && write) {
    throw new Error('CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID are required (or pass --dry-run)');
  }
  const config = parseJsonc(await readFile(path.join(options.edgeDir, 'wrangler.jsonc'), 'utf8'));
  const desired = desiredResources(config);
  const verb = write ? '' : 'would ';

  const existing: Existing = api
    ? { databases: await api.listDatabases(), queues: await api.listQueues() }
    : { databases: new Map(), queues: new Map() };
  if (!api) log('No account credentials: planning against an empty account.');
  const actions = planResources(desired, existing);
  for (const name of [desired.database.name, ...desired.queues]) {
    const id = existing.databases.get(name) ?? existing.queues.get(name);
    if (id) log(`reuse ${existing.databases.has(name) ? 'D1 database' : 'queue'} ${name} (${id})`);
  }

  let databaseId = existing.databases.get(desired.database.name);
  const created: string[] = [];
  for (const action of actions) {
    const what = action.kind === 'create-database' ? 'D1 database' : 'queue';
    log(`${verb}create ${what} ${action.name}`);
    if (!write || !api) continue;
    if (action.kind === 'create-database') databaseId = await api.createDatabase(action.name);
    else await api.createQueue(action.name);
    created.push(`${what} ${action.name}`);
  }

  const configName = options.configName ?? generatedConfigName;
  if (path.basename(configName) !== configName)
    throw new Error(`--out ${configName}: a file name, written in edge/`);
  const configPath = path.join(options.edgeDir, configName);
  await writeFile(
    configPath,
    `${JSON.stringify(generatedConfig(config, databaseId ?? placeholderId), null, 2)}\n`,
  );
  log(`config with the database id written to ${path.relative(process.cwd(), configPath) || configPath}`);

  const target = api && databaseId ? { api, databaseId } : undefined;
  const migrations = await migrate(path.join(options.edgeDir, 'migrations'), target, write);
  log(migrations.length ? `${verb}apply migrations ${migrations.join(', ')}` : 'migrations: up to date');

  const deployedTag = api ? await api.deployedMigrationTag(desired.workerName) : undefined;
  const objectTags = pendingObjectMigrations(desired.durableObjects.migrationTags, deployedTag);
  log(
    `Durable Objects ${desired.durableObjects.classes.join(', ')}: ${
      objectTags.length ? `wrangler deploy ${verb}apply migrations ${objectTags.join(', ')}` : 'up to date'
    }`,
  );

  const size = await measureBundle(deps.wrangler, configPath);
  const report = budgetReport(size);
  log(report.line);
  if (report.over) throw new Error(report.line);
  if (write) {
    log(await deps.wrangler(['deploy', '--config', configPath], deps.wranglerEnv));
  } else log(`would deploy ${desired.workerName}`);

  // After the deploy: the secrets API needs the Worker to exist.
  const secrets = Object.keys(options.secrets);
  for (const [name, value] of Object.entries(options.secrets)) {
    log(`${verb}upload secret ${name}`);
    if (write && api) await api.putSecret(desired.workerName, name, value);
  }

  let tenantKeys: TenantKeys | undefined;
  if (options.tenant) {
    if (write && target) {
      tenantKeys = await ensureTenant(target.api, target.databaseId, options.tenant, deps.now());
      log(
        tenantKeys
          ? `tenant ${options.tenant.id} created`
          : `tenant ${options.tenant.id} exists: its keys were shown when it was created`,
      );
    } else log(`would create tenant ${options.tenant.id} unless it has keys`);
  }
  return { created, migrations, secrets, tenantKeys, configPath, bundle: { ...size, over: report.over } };
}
