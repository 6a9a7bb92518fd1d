import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './signature';

const NONCE = '0f8c2f6e-4b1e-4d7a-9a53-8d2b6f0c1e11';

describe('signWebhook', () => {
  it('matches an HMAC-SHA256 over timestamp, nonce and body computed independently (Python hmac)', async () => {
    expect(await signWebhook('whsec_test', 1_700_000_000, NONCE, '{"a":1}')).toBe(
      'sha256=d12aa74eacd35aa2792fa080ad4202d08e98a97d6fe077b786e4c583d997bbdf',
    );
  });
});

describe('verifyWebhookSignature', () => {
  const body = '{"ticket":1}';
  const fresh = () => true;
  it.each([
    { name: 'valid', secret: 's', ts: '1000', nonce: NONCE, tamper: (b: string) => b, now: 1000, ok: true },
    {
      name: 'wrong secret',
      secret: 'other',
      ts: '1000',
      nonce: NONCE,
      tamper: (b: string) => b,
      now: 1000,
      ok: false,
    },
    {
      name: 'tampered body',
      secret: 's',
      ts: '1000',
      nonce: NONCE,
      tamper: (b: string) => `${b} `,
      now: 1000,
      ok: false,
    },
    {
      name: 'replayed after 10 minutes',
      secret: 's',
      ts: '1000',
      nonce: NONCE,
      tamper: (b: string) => b,
      now: 1600,
      ok: false,
    },
    {
      name: 'timestamp not a number',
      secret: 's',
      ts: 'soon',
      nonce: NONCE,
      tamper: (b: string) => b,
      now: 1000,
      ok: false,
    },
    {
      name: 'another nonce',
      secret: 's',
      ts: '1000',
      nonce: `${NONCE.slice(0, -1)}2`,
      tamper: (b: string) => b,
      now: 1000,
      ok: false,
    },
    {
      name: 'no nonce',
      secret: 's',
      ts: '1000',
      nonce: null,
      tamper: (b: string) => b,
      now: 1000,
      ok: false,
    },
  ])('$name → $ok', async ({ secret, ts, nonce, tamper, now, ok }) => {
    const signature = await signWebhook('s', 1000, NONCE, body);
    expect(
      await verifyWebhookSignature(secret, { signature, timestamp: ts, nonce }, tamper(body), now, fresh),
    ).toBe(ok);
  });

  it('refuses a delivery replayed within the tolerance: its nonce was seen', async () => {
    const seen = new Set<string>();
    const firstSeen = (n: string) => !seen.has(n) && !!seen.add(n);
    const signature = await signWebhook('s', 1000, NONCE, body);
    const headers = { signature, timestamp: '1000', nonce: NONCE };
    expect(await verifyWebhookSignature('s', headers, body, 1010, firstSeen)).toBe(true);
    expect(await verifyWebhookSignature('s', headers, body, 1020, firstSeen)).toBe(false);
  });
});
