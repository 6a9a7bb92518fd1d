import type { Context } from 'hono';
import { recordAudit } from '../adapters/d1/queries/audit';
import type { AppEnv } from '../http/app-env';

/** Records an admin change in the tenant's audit log, with who made it (a member or a key). */
export async function auditAdmin(
  c: Context<AppEnv>,
  action: string,
  resource: string,
  details?: Record<string, unknown>,
): Promise<void> {
  const { admin, services } = c.var;
  await recordAudit(services.db, {
    tenantId: admin.tenantId,
    keyId: admin.actorId,
    action,
    resource,
    details,
  });
}
