import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { userHash } from '../src/index';

const hmac = (secret: string, message: string) => createHmac('sha256', secret).update(message).digest('hex');

describe('userHash', () => {
  it.each([
    ['demo-identity-secret', 'user-42', 'user-42'],
    ['s3cr3t', 'ünïcödé@example.com', 'ünïcödé@example.com'],
    // Ids the edge issued to anonymous visitors are signed under their own domain.
    ['s3cr3t', 'anon_abc', 'anon:anon_abc'],
  ])('with secret %s, id %s: HMAC-SHA256 of %s, hex', async (secret, userId, message) => {
    expect(await userHash(secret, userId)).toBe(hmac(secret, message));
  });

  it('refuses an empty secret or id rather than signing it', async () => {
    await expect(userHash('', 'u')).rejects.toThrow(/identitySecret/);
    await expect(userHash('s', '')).rejects.toThrow(/userId/);
  });
});
