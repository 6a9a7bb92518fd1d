import { describe, expect, it } from 'vitest';
import { base64Url, fromHex, toHex } from './encoding';
import { hmacSha256Hex, sha256Hex, verifyHmacSha256Hex } from './hmac';

describe('hex and base64url', () => {
  it.each([
    { bytes: [], hex: '', b64: '' },
    { bytes: [0, 15, 255], hex: '000fff', b64: 'AA__' },
    { bytes: [251, 255], hex: 'fbff', b64: '-_8' },
  ])('$bytes ↔ $hex, $b64', ({ bytes, hex, b64 }) => {
    expect(toHex(new Uint8Array(bytes))).toBe(hex);
    expect(base64Url(new Uint8Array(bytes))).toBe(b64);
    expect([...fromHex(hex, bytes.length)!]).toEqual(bytes);
  });

  it.each(['0g', 'abc', '00ff00'])('refuses %s where two bytes are expected', (hex) => {
    expect(fromHex(hex, 2)).toBeNull();
  });
});

describe('SHA-256 and HMAC-SHA256', () => {
  it('match the published test vectors', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // RFC 4231, test case 2.
    expect(await hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('verifies its own signatures in either case, and nothing else', async () => {
    const sig = await hmacSha256Hex('secret', 'user-1');
    expect(await verifyHmacSha256Hex('secret', 'user-1', sig)).toBe(true);
    expect(await verifyHmacSha256Hex('secret', 'user-1', sig.toUpperCase())).toBe(true);
    expect(await verifyHmacSha256Hex('secret', 'user-2', sig)).toBe(false);
    expect(await verifyHmacSha256Hex('other', 'user-1', sig)).toBe(false);
    expect(await verifyHmacSha256Hex('', 'user-1', sig)).toBe(false);
    for (const bad of ['', sig.slice(1), `${sig}00`, 'zz'.repeat(32)])
      expect(await verifyHmacSha256Hex('secret', 'user-1', bad)).toBe(false);
  });
});
