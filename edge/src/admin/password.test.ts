import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('console passwords (PBKDF2 in workerd)', () => {
  it('verifies the password it hashed and nothing else', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^pbkdf2-sha256\$100000\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts: the same password hashes differently twice', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it.each([
    ['no hash', null],
    ['empty', ''],
    ['another scheme', 'md5$1$abc$def'],
    ['zero iterations', 'pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA$AAAA'],
    ['more iterations than the maximum', 'pbkdf2-sha256$100001$AAAAAAAAAAAAAAAAAAAAAA$AAAA'],
    ['not base64url', 'pbkdf2-sha256$1000$!!$??'],
    ['an impossible base64 length', 'pbkdf2-sha256$1000$AAAAA$AAAAA'],
  ])('refuses %s', async (_name, stored) => {
    expect(await verifyPassword('anything at all', stored)).toBe(false);
  });
});
