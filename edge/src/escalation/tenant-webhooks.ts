import { eq } from 'drizzle-orm';
import type { Database } from '../adapters/d1/client';
import { tenantEscalationWebhooks } from '../adapters/d1/trust-schema';
import type { EscalationWebhookConfig } from './config';

/**
 * A tenant's own escalation webhook (`PUT /v1/admin/escalation-webhook`), in D1. Keyed by the tenant the
 * admin credential belongs to and nothing the request names, so one tenant cannot read or point another's.
 */
export async function tenantWebhook(
  db: Database,
  tenantId: string,
): Promise<(EscalationWebhookConfig & { updatedAt: number }) | null> {
  const [row] = await db
    .select({
      url: tenantEscalationWebhooks.url,
      secret: tenantEscalationWebhooks.secret,
      format: tenantEscalationWebhooks.format,
      updatedAt: tenantEscalationWebhooks.updatedAt,
    })
    .from(tenantEscalationWebhooks)
    .where(eq(tenantEscalationWebhooks.tenantId, tenantId));
  return row ?? null;
}

export async function saveTenantWebhook(
  db: Database,
  tenantId: string,
  config: EscalationWebhookConfig,
  now: number,
): Promise<void> {
  const row = { ...config, updatedAt: now };
  await db
    .insert(tenantEscalationWebhooks)
    .values({ tenantId, ...row })
    .onConflictDoUpdate({ target: tenantEscalationWebhooks.tenantId, set: row });
}

export async function deleteTenantWebhook(db: Database, tenantId: string): Promise<void> {
  await db.delete(tenantEscalationWebhooks).where(eq(tenantEscalationWebhooks.tenantId, tenantId));
}

/**
 * Where a tenant's tickets go: its own webhook, else the deployment's (`ESCALATION_WEBHOOK_*`), else
 * nowhere (the ticket stays pending).
 *
 * @example
 * const webhookFor = tenantWebhookResolver(db, deploymentWebhook);
 * const config = await webhookFor('acme');
 */
export function tenantWebhookResolver(
  db: Database,
  deployment: EscalationWebhookConfig | undefined,
): (tenantId: string) => Promise<EscalationWebhookConfig | undefined> {
  return async (tenantId) => {
    const own = await tenantWebhook(db, tenantId);
    return own ? { url: own.url, secret: own.secret, format: own.format } : deployment;
  };
}
