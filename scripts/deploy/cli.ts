// pnpm run deploy [--dry-run] [--offline] [--tenant acme --tenant-name "Acme" --origin https://app.acme.com]
//                 [--anonymous] [--secret UPSTASH_REDIS_REST_URL ...]
// Credentials from the environment: CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID (and CLOUDFLARE_API_BASE_URL,
// as for wrangler). Each --secret's value is read from the environment variable of that name.
// --offline ignores credentials (CI's bundle budget check: `pnpm check:bundle`). --out names the generated
// config (default edge/wrangler.deploy.json). A real deploy builds the console into the edge's assets first.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { cloudflareApi } from './cloudflare-api';
import { secretsFromEnv } from './plan';
import { runDeploy } from './run';
import { wranglerIn } from './wrangler';

async function main() {
  const { values } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      offline: { type: 'boolean', default: false },
      tenant: { type: 'string' },
      'tenant-name': { type: 'string' },
      origin: { type: 'string', multiple: true, default: [] },
      anonymous: { type: 'boolean', default: false },
      secret: { type: 'string', multiple: true, default: [] },
      out: { type: 'string' },
    },
  });
  const env = process.env;
  const token = env.CLOUDFLARE_API_TOKEN;
  const accountId = env.CLOUDFLARE_ACCOUNT_ID;
  const online = !values.offline && token && accountId;
  const baseUrl = env.CLOUDFLARE_API_BASE_URL;
  const edgeDir = path.resolve(import.meta.dirname, '../../edge');
  if (online && !values['dry-run']) {
    // The console ships inside the Worker's static assets (edge/public/console/): one deployment, so it is
    // built fresh before wrangler uploads the assets (only then: a dry run uploads nothing, and tests that
    // serve the built console may run beside it). A path import: it is a plain script of its package.
    const build = pathToFileURL(path.resolve(import.meta.dirname, '../../packages/console/build.mjs'));
    const { buildConsole } = (await import(build.href)) as { buildConsole(): Promise<string> };
    console.log(`console built into ${path.relative(process.cwd(), await buildConsole())}`);
  }
  const result = await runDeploy(
    {
      edgeDir,
      dryRun: values['dry-run'] || values.offline,
      configName: values.out,
      secrets: secretsFromEnv(values.secret, env),
      tenant: values.tenant
        ? {
            id: values.tenant,
            name: values['tenant-name'] ?? values.tenant,
            origins: values.origin,
            allowAnonymous: values.anonymous,
          }
        : undefined,
    },
    {
      api: online ? cloudflareApi({ accountId, token, baseUrl }) : undefined,
      wrangler: wranglerIn(edgeDir),
      wranglerEnv: online
        ? {
            CLOUDFLARE_API_TOKEN: token,
            CLOUDFLARE_ACCOUNT_ID: accountId,
            ...(baseUrl ? { CLOUDFLARE_API_BASE_URL: baseUrl } : {}),
          }
        : {},
      log: (line) => console.log(line),
      now: Date.now,
    },
  );
  if (result.tenantKeys && values.tenant) {
    console.log(`
Tenant ${values.tenant}: keep these now, they are stored hashed and never shown again.
  publishable key  ${result.tenantKeys.publishable}
  secret key       ${result.tenantKeys.secret}
  identity secret  ${result.tenantKeys.identitySecret}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
