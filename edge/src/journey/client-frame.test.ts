import { describe, expect, it } from 'vitest';
import { parseClientFrame } from './client-frame';
import { WS_MAX_MESSAGE_CHARS } from './socket';

describe('parseClientFrame', () => {
  it.each([
    ['{"type":"ping","t":5}', { type: 'ping', t: 5 }],
    ['{"type":"hello","sessionId":"tab-1"}', { type: 'hello', sessionId: 'tab-1' }],
  ])('accepts %s', (frame, message) => {
    expect(parseClientFrame(frame)).toEqual({ ok: true, message });
  });

  it.each([
    ['a binary frame', new ArrayBuffer(4), 'unsupported_media_type'],
    ['an oversized frame', 'x'.repeat(WS_MAX_MESSAGE_CHARS + 1), 'payload_too_large'],
    ['text that is not JSON', 'hello', 'invalid_json'],
    ['an empty frame', '', 'invalid_json'],
    ['JSON null', 'null', 'validation_failed'],
    ['an unknown type', '{"type":"shout"}', 'validation_failed'],
    ['a ping without a time', '{"type":"ping"}', 'validation_failed'],
    ['an empty batch', '{"type":"events","batch":{"sentAt":1,"events":[]}}', 'validation_failed'],
  ])('refuses %s with %s', (_name, frame, code) => {
    const read = parseClientFrame(frame);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reply.error.code).toBe(code);
  });

  it('names the failing paths', () => {
    const read = parseClientFrame('{"type":"ping","t":-1}');
    expect(read.ok ? null : read.reply.error.details).toEqual({
      issues: [expect.objectContaining({ path: 't' })],
    });
  });
});
