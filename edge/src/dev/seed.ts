import { FlowDefinition, HelpArticle } from '@smart-onboarding/protocol';
import type { Database } from '../adapters/d1/client';
import { getFlowVersion, publishFlowVersion } from '../adapters/d1/queries/flows';
import { listHelpArticles, replaceHelpArticles } from '../adapters/d1/queries/help';
import { addApiKey, ensureTenant } from '../adapters/d1/queries/tenants';
import type { Services } from '../services';
import demoFlow from './demo-flow.json';
import demoArticles from './demo-help-articles.json';
import demo from './demo-tenant.json';

/**
 * The local demo tenant (development only): fixed keys that the README, the examples and a newcomer's curl
 * use with no set-up. Its origins (`http://127.0.0.1:*`, `http://localhost:*`) are never right for a
 * deployed tenant, which is why this runs only when `ENVIRONMENT` is `development`.
 */
export const DEMO_TENANT = demo;

/** Creates the demo tenant, its keys, its flow and its help articles when missing. Idempotent. */
export async function seedDemoTenant(db: Database) {
  await ensureTenant(db, {
    id: demo.tenantId,
    name: demo.name,
    allowedOrigins: demo.allowedOrigins,
    allowAnonymous: demo.allowAnonymous,
    identitySecret: demo.identitySecret,
  });
  await addApiKey(db, {
    id: 'demo-publishable',
    tenantId: demo.tenantId,
    kind: 'publishable',
    key: demo.publishableKey,
  });
  await addApiKey(db, { id: 'demo-secret', tenantId: demo.tenantId, kind: 'secret', key: demo.secretKey });
  if (!(await getFlowVersion(db, demo.tenantId, demo.flowId))) {
    await publishFlowVersion(db, demo.tenantId, FlowDefinition.parse(demoFlow), null);
  }
  // The creator-studio example's help library (embedded on first use when Azure OpenAI is configured).
  if ((await listHelpArticles(db, demo.tenantId)).length === 0) {
    await replaceHelpArticles(db, demo.tenantId, HelpArticle.array().parse(demoArticles));
  }
}

let seeded: Promise<void> | null = null;

/** Seeds once per isolate in development; a failure is retried by the next request. */
export function ensureDemoSeeded(services: Pick<Services, 'environment' | 'db'>): Promise<void> {
  if (services.environment !== 'development') return Promise.resolve();
  seeded ??= seedDemoTenant(services.db).catch((err) => {
    seeded = null;
    throw err;
  });
  return seeded;
}
