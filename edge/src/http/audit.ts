import type { Context } from 'hono';
import { recordAudit } from '../adapters/d1/queries/audit';
import type { AppEnv } from './app-env';

/**
 * Writes a secret-key call to the tenant's audit log (reads of user data, admin changes); a browser acting
 * for its own user with a publishable key is not audited.
 *
 * @example
 * await auditSecretCall(c, 'getJourney', `journeys/${owner.userId}`);
 */
export async function auditSecretCall(
  c: Context<AppEnv>,
  action: string,
  resource: string,
  details?: Record<string, unknown>,
): Promise<void> {
  const { caller, services } = c.var;
  if (caller.key.kind !== 'secret') return;
  await recordAudit(services.db, {
    tenantId: caller.tenant.id,
    keyId: caller.key.id,
    action,
    resource,
    details,
  });
}
