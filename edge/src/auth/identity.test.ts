import { describe, expect, it } from 'vitest';
import { isAnonymousId, issueAnonymousIdentity, userHash, verifyUserHash } from './identity';

describe('user identity proofs', () => {
  it('is the hex HMAC-SHA256 any server library computes', async () => {
    const { createHmac } = await import('node:crypto');
    const expected = createHmac('sha256', 'demo-identity-secret').update('user-42').digest('hex');
    expect(await userHash('demo-identity-secret', 'user-42')).toBe(expected);
  });

  it.each([
    ['the right hash', 'secret', 'u1', async () => userHash('secret', 'u1'), true],
    ['upper-case hex', 'secret', 'u1', async () => (await userHash('secret', 'u1')).toUpperCase(), true],
    ['another user', 'secret', 'u1', async () => userHash('secret', 'u2'), false],
    ['another secret', 'secret', 'u1', async () => userHash('other', 'u1'), false],
    ['not hex', 'secret', 'u1', async () => 'z'.repeat(64), false],
    ['too short', 'secret', 'u1', async () => 'ab', false],
    ['an empty secret', '', 'u1', async () => userHash('x', 'u1'), false],
  ])('%s verifies as %s', async (_name, secret, user, hash, expected) => {
    expect(await verifyUserHash(secret, user, await hash())).toBe(expected);
  });

  it('issues anonymous ids whose proof is not a plain user hash', async () => {
    const anon = await issueAnonymousIdentity('secret');
    expect(isAnonymousId(anon.userId)).toBe(true);
    expect(await verifyUserHash('secret', anon.userId, anon.userHash)).toBe(true);
    const { createHmac } = await import('node:crypto');
    const plain = createHmac('sha256', 'secret').update(anon.userId).digest('hex');
    expect(plain).not.toBe(anon.userHash);
  });
});
