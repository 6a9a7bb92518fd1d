import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { buildEscalationTicket } from '../../../escalation/ticket';
import { database } from '../client';
import { d1EscalationStore, pendingEscalations } from './escalations';

describe('d1EscalationStore (real D1, the edge’s migrations)', () => {
  it('stores a ticket and follows its delivery, never going back to an older state', async () => {
    const db = database(env.DB);
    const tenant = `t-${crypto.randomUUID()}`;
    const store = d1EscalationStore(db);
    const ticket = buildEscalationTicket({
      id: crypto.randomUUID(),
      userId: 'u-1',
      userMessage: 'help',
      now: 1000,
    });
    await store.save(tenant, ticket, {});
    expect((await pendingEscalations(db, tenant)).map((t) => t.id)).toEqual([ticket.id]);
    await store.save(tenant, { ...ticket, status: 'delivered', attempts: 3 }, {});
    // A late write of an earlier attempt does not undo the delivery.
    await store.save(tenant, { ...ticket, status: 'pending', attempts: 2 }, {});
    expect(await pendingEscalations(db, tenant)).toEqual([]);
    const row = await env.DB.prepare('SELECT status, attempts, ticket FROM escalations WHERE id = ?')
      .bind(ticket.id)
      .first<{ status: string; attempts: number; ticket: string }>();
    expect(row).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(JSON.parse(row!.ticket)).toMatchObject({
      id: ticket.id,
      status: 'delivered',
      summary: ticket.summary,
    });
  });

  it('keeps tenants apart', async () => {
    const db = database(env.DB);
    const a = `t-${crypto.randomUUID()}`;
    const b = `t-${crypto.randomUUID()}`;
    const ticket = buildEscalationTicket({ id: crypto.randomUUID(), userId: 'u-2', now: 1 });
    await d1EscalationStore(db).save(a, ticket, {});
    expect(await pendingEscalations(db, b)).toEqual([]);
    await d1EscalationStore(db).save(b, { ...ticket, status: 'dead_lettered', attempts: 9 }, {});
    expect((await pendingEscalations(db, a)).map((t) => t.id)).toEqual([ticket.id]);
  });
});
