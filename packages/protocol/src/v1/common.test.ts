import { describe, expect, it } from 'vitest';
import { ErrorBody, Id, ScalarRecord } from './common';

describe('common schemas', () => {
  it('Id refuses whitespace, control characters and overlong values', () => {
    expect(Id.safeParse('user_42@example.com').success).toBe(true);
    expect(Id.safeParse('').success).toBe(false);
    expect(Id.safeParse('has space').success).toBe(false);
    expect(Id.safeParse('nul\u0000').success).toBe(false);
    expect(Id.safeParse('x'.repeat(257)).success).toBe(false);
  });

  it('ScalarRecord caps keys at 50', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    expect(ScalarRecord.safeParse(many).success).toBe(false);
  });

  it('ErrorBody only takes known codes', () => {
    expect(ErrorBody.safeParse({ error: { code: 'not_found', message: 'no' } }).success).toBe(true);
    expect(ErrorBody.safeParse({ error: { code: 'oops', message: 'no' } }).success).toBe(false);
  });
});
