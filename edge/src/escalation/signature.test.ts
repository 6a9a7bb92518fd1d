import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './signature';

describe('signWebhook', () => {
  it('matches an HMAC-SHA256 computed independently (Python hmac)', async () => {
    expect(await signWebhook('whsec_test', 1_700_000_000, '{"a":1}')).toBe(
      'sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789',
    );
  });
});

describe('verifyWebhookSignature', () => {
  const body = '{"ticket":1}';
  it.each([
    { name: 'valid', secret: 's', ts: '1000', tamper: (b: string) => b, now: 1000, ok: true },
    { name: 'wrong secret', secret: 'other', ts: '1000', tamper: (b: string) => b, now: 1000, ok: false },
    { name: 'tampered body', secret: 's', ts: '1000', tamper: (b: string) => `${b} `, now: 1000, ok: false },
    {
      name: 'replayed after 10 minutes',
      secret: 's',
      ts: '1000',
      tamper: (b: string) => b,
      now: 1600,
      ok: false,
    },
    {
      name: 'timestamp not a number',
      secret: 's',
      ts: 'soon',
      tamper: (b: string) => b,
      now: 1000,
      ok: false,
    },
  ])('$name → $ok', async ({ secret, ts, tamper, now, ok }) => {
    const header = await signWebhook('s', 1000, body);
    expect(await verifyWebhookSignature(secret, header, ts, tamper(body), now)).toBe(ok);
  });
});
