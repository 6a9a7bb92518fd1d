import { describe, expect, it } from 'vitest';
import { scrubPersonalData } from './scrub';

describe('scrubPersonalData', () => {
  it.each([
    { input: 'write to ada.lovelace+test@example.co.uk please', out: 'write to [email] please' },
    { input: 'call +33 6 12 34 56 78 now', out: 'call [phone] now' },
    { input: 'or (415) 555-0132', out: 'or [phone]' },
    { input: 'or +4915112345678', out: 'or [phone]' },
    { input: 'tél 06 12 34 56 78', out: 'tél [phone]' },
    { input: 'Büro 030 1234 5678', out: 'Büro [phone]' },
    { input: 'card 4111 1111 1111 1111 exp', out: 'card [card] exp' },
    { input: 'card 4111-1111-1111-1111', out: 'card [card]' },
    {
      input: 'order 1234 5678 9012 3456 is not a card (Luhn fails)',
      out: 'order 1234 5678 9012 3456 is not a card (Luhn fails)',
    },
    { input: 'Authorization: Bearer abcdefghijklmnop123456', out: 'Authorization: [token]' },
    {
      input:
        'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      out: 'jwt [token]',
    },
    { input: 'key sk-proj-abcdefghijklmnop1234', out: 'key [token]' },
    { input: '/reset?token=8f3a9c2b1d4e&x=1', out: '/reset?token=[token]&x=1' },
    { input: 'id 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', out: 'id [token]' },
    { input: 'IBAN DE89 3704 0044 0532 0130 00 ok', out: 'IBAN [iban] ok' },
    {
      input: 'Press Schedule after choosing 09:00 on 2026-11-25, step 3 of 5',
      out: 'Press Schedule after choosing 09:00 on 2026-11-25, step 3 of 5',
    },
    { input: '#connect-instagram > button.primary', out: '#connect-instagram > button.primary' },
    { input: '/posts/42/edit', out: '/posts/42/edit' },
  ])('$input', ({ input, out }) => {
    expect(scrubPersonalData(input).text).toBe(out);
  });

  it('counts what it removed', () => {
    expect(scrubPersonalData('a@b.io and c@d.io, 4111111111111111').found).toEqual({ email: 2, card: 1 });
  });
});
