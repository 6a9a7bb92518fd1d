import type { EscalationTicket } from '@smart-onboarding/protocol';
import type { EscalationWebhookConfig } from './config';
import {
  DEFAULT_DELIVERY,
  type DeliveryDeps,
  type DeliveryOptions,
  type DeliveryResult,
  deliverEscalation,
} from './deliver';
import type { EscalationContext } from './payload';
import { buildEscalationTicket, type EscalationInput } from './ticket';

/** Where tickets are kept: D1's `escalations` table in the edge (phase 2), memory in tests. */
export interface EscalationStore {
  save(
    tenantId: string,
    ticket: EscalationTicket,
    meta: { retryAt?: number; lastError?: string },
  ): Promise<void>;
}

export function memoryEscalationStore() {
  const rows = new Map<
    string,
    { tenantId: string; ticket: EscalationTicket; retryAt?: number; lastError?: string }
  >();
  const store: EscalationStore & { rows: typeof rows } = {
    rows,
    async save(tenantId, ticket, meta) {
      rows.set(ticket.id, { tenantId, ticket, ...meta });
    },
  };
  return store;
}

export interface EscalationDeps extends DeliveryDeps {
  store: EscalationStore;
  /**
   * The deployment's webhook (`ESCALATION_WEBHOOK_*`). Undefined when none is configured: the ticket is
   * stored for the dashboard and stays pending.
   */
  webhook: EscalationWebhookConfig | undefined;
  /** The tenant's own webhook, falling back to `webhook` (`tenant-webhooks.ts`); without it, `webhook`. */
  webhookFor?: (tenantId: string) => Promise<EscalationWebhookConfig | undefined>;
  options?: DeliveryOptions;
}

/**
 * The seed's `escalateToHuman`: builds the ticket (struggle summary, step, recent signals, user), stores it,
 * posts it to the tenant's webhook signed with HMAC, and stores the outcome. Returns the delivery result;
 * a `retryAt` means the caller (the journey object's alarm) should call `retryEscalation` then.
 *
 * @example
 * const r = await escalateToHuman(deps, { id: crypto.randomUUID(), userId, report, step, now: Date.now() }, { tenantId, user });
 */
export async function escalateToHuman(
  deps: EscalationDeps,
  input: EscalationInput,
  ctx: EscalationContext,
): Promise<DeliveryResult> {
  const ticket = buildEscalationTicket(input);
  await deps.store.save(ctx.tenantId, ticket, {});
  return retryEscalation(deps, ticket, ctx);
}

/** Another delivery round for a pending ticket (from the alarm); stores the outcome. */
export async function retryEscalation(
  deps: EscalationDeps,
  ticket: EscalationTicket,
  ctx: EscalationContext,
): Promise<DeliveryResult> {
  if (ticket.status !== 'pending') return { ticket, attempts: [] };
  // Read at every attempt, so a tenant that changes its webhook redirects tickets still being retried.
  const webhook = deps.webhookFor ? await deps.webhookFor(ctx.tenantId) : deps.webhook;
  if (!webhook) {
    const result = { ticket, attempts: [], lastError: 'no escalation webhook configured' };
    await deps.store.save(ctx.tenantId, ticket, { lastError: result.lastError });
    return result;
  }
  const result = await deliverEscalation(ticket, ctx, webhook, deps, deps.options ?? DEFAULT_DELIVERY);
  await deps.store.save(ctx.tenantId, result.ticket, {
    ...(result.retryAt !== undefined ? { retryAt: result.retryAt } : {}),
    ...(result.lastError ? { lastError: result.lastError } : {}),
  });
  return result;
}
