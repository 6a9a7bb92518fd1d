import { describe, expect, it } from 'vitest';
import { originAllowed } from './origin';

describe('originAllowed', () => {
  it.each([
    ['https://app.example.com', ['https://app.example.com'], true],
    ['https://APP.example.com', ['https://app.example.com'], true],
    ['http://app.example.com', ['https://app.example.com'], false],
    ['https://app.example.com:8443', ['https://app.example.com'], false],
    ['https://app.example.com:8443', ['https://app.example.com:8443'], true],
    ['http://localhost:5173', ['http://localhost:*'], true],
    ['http://localhost', ['http://localhost:*'], true],
    ['http://127.0.0.1:41234', ['http://127.0.0.1:*'], true],
    ['https://eu.example.com', ['https://*.example.com'], true],
    ['https://example.com', ['https://*.example.com'], false],
    ['https://a.b.example.com', ['https://*.example.com'], false],
    ['https://evilexample.com', ['https://*.example.com'], false],
    ['https://app.example.com.evil.io', ['https://app.example.com'], false],
    ['null', ['https://app.example.com'], false],
    ['https://app.example.com', [], false],
    ['https://app.example.com', ['not an origin'], false],
  ])('%s against %j is %s', (origin, list, expected) => {
    expect(originAllowed(origin, list)).toBe(expected);
  });
});
