import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { escalateToHuman } from '../../src/escalation/escalate-to-human';
import { verifyWebhookSignature } from '../../src/escalation/signature';
import { servicesFor } from '../../src/services';
import { api, freshTenant, json, uniqueUser } from '../helpers';

/**
 * Per-tenant escalation webhooks (issue 12, hole 10): each tenant sets its own URL, secret and format
 * with an admin credential; tickets go there (else to the deployment's webhook); the secret is never
 * answered back; and nothing one tenant sends can read or move another tenant's.
 */

const receiver = inject('webhookReceiver');
type Tenant = Awaited<ReturnType<typeof freshTenant>>;

const settings = (t: Tenant, method: string, body?: unknown, key = t.secretKey) =>
  api('/v1/admin/escalation-webhook', {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
const received = async (path: string) =>
  (await (await fetch(`${receiver}/received?path=${encodeURIComponent(path)}`)).json()) as {
    headers: Record<string, string>;
    body: string;
  }[];
const escalate = (tenantId: string) =>
  escalateToHuman(
    servicesFor(env).escalation,
    { id: crypto.randomUUID(), userId: uniqueUser('stuck'), now: Date.now() },
    { tenantId, user: { id: 'u' } },
  );

describe('attack: escalation webhooks per tenant (hole 10)', () => {
  it('keeps the secret write-only, and refuses URLs the edge must not post to', async () => {
    const tenant = await freshTenant();
    const secret = `secret-${crypto.randomUUID()}`;
    expect(await json(await settings(tenant, 'GET'))).toEqual({ configured: true, source: 'deployment' });
    const put = await settings(tenant, 'PUT', { url: `${receiver}/own`, secret });
    expect(put.status).toBe(200);
    const got = await settings(tenant, 'GET');
    const text = await got.text();
    expect(JSON.parse(text)).toMatchObject({
      configured: true,
      source: 'tenant',
      url: `${receiver}/own`,
      format: 'json',
    });
    expect(text).not.toContain(secret);
    expect(await put.text()).not.toContain(secret);

    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'https://10.0.0.1/hook',
      'https://localhost/hook',
      'https://[::1]/hook',
      'ftp://example.com/hook',
      'https://user:pass@example.com/hook',
      'not a url',
    ]) {
      const bad = await settings(tenant, 'PUT', { url, secret });
      expect(bad.status, url).toBe(400);
      expect((await json<{ error: { code: string } }>(bad)).error.code).toBe('validation_failed');
    }
    expect((await settings(tenant, 'PUT', { url: 'https://example.com/h', secret: 'short' })).status).toBe(
      400,
    );
    // The browser's key cannot set, read or clear it.
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await settings(
        tenant,
        method,
        method === 'PUT' ? { url: 'https://example.com/h', secret } : undefined,
        tenant.publishableKey,
      );
      expect(res.status, method).toBe(403);
    }
    expect(await json(await settings(tenant, 'GET'))).toMatchObject({ url: `${receiver}/own` });
  });

  it('delivers each tenant’s tickets to its own webhook, signed with its own secret, and one tenant cannot move another’s', async () => {
    const a = await freshTenant();
    const b = await freshTenant();
    const secretA = `a-${crypto.randomUUID()}`;
    const secretB = `b-${crypto.randomUUID()}`;
    const pathA = `/a-${a.id}`;
    const pathB = `/b-${b.id}`;
    expect((await settings(a, 'PUT', { url: `${receiver}${pathA}`, secret: secretA })).status).toBe(200);
    // B names A in every way a body could: refused, and A's settings are as A left them.
    const naming = await settings(b, 'PUT', { url: `${receiver}${pathB}`, secret: secretB, tenantId: a.id });
    expect(naming.status).toBe(400);
    expect((await settings(b, 'PUT', { url: `${receiver}${pathB}`, secret: secretB })).status).toBe(200);
    expect((await settings(b, 'DELETE')).status).toBe(204);
    expect((await settings(b, 'PUT', { url: `${receiver}${pathB}`, secret: secretB })).status).toBe(200);
    expect(await json(await settings(a, 'GET'))).toMatchObject({
      source: 'tenant',
      url: `${receiver}${pathA}`,
    });

    const [ra, rb] = [await escalate(a.id), await escalate(b.id)];
    expect(ra.ticket.status).toBe('delivered');
    expect(rb.ticket.status).toBe('delivered');
    const [atA, atB] = [await received(pathA), await received(pathB)];
    expect(atA).toHaveLength(1);
    expect(atB).toHaveLength(1);
    expect(JSON.parse(atA[0]!.body).ticket.id).toBe(ra.ticket.id);
    expect(JSON.parse(atB[0]!.body).ticket.id).toBe(rb.ticket.id);
    const check = (secret: string, d: { headers: Record<string, string>; body: string }) =>
      verifyWebhookSignature(
        secret,
        {
          signature: d.headers['x-smart-onboarding-signature'] ?? null,
          timestamp: d.headers['x-smart-onboarding-timestamp'] ?? null,
          nonce: d.headers['x-smart-onboarding-nonce'] ?? null,
        },
        d.body,
        Math.floor(Date.now() / 1000),
        () => true,
      );
    expect(await check(secretA, atA[0]!)).toBe(true);
    expect(await check(secretB, atA[0]!)).toBe(false);
    expect(await check(secretB, atB[0]!)).toBe(true);
  });

  it('falls back to the deployment’s webhook for a tenant without one, and again after DELETE', async () => {
    const tenant = await freshTenant();
    const { webhookFor, webhook } = servicesFor(env).escalation;
    expect(webhook?.url).toBe(env.ESCALATION_WEBHOOK_URL);
    expect(await webhookFor?.(tenant.id)).toEqual(webhook);
    const path = `/c-${tenant.id}`;
    await settings(tenant, 'PUT', {
      url: `${receiver}${path}`,
      secret: `c-${crypto.randomUUID()}`,
      format: 'slack',
    });
    expect(await webhookFor?.(tenant.id)).toMatchObject({ url: `${receiver}${path}`, format: 'slack' });
    expect((await settings(tenant, 'DELETE')).status).toBe(204);
    expect(await webhookFor?.(tenant.id)).toEqual(webhook);
    expect(await json(await settings(tenant, 'GET'))).toEqual({ configured: true, source: 'deployment' });
  });
});
