import { describe, expect, it } from 'vitest';
import { parseSse } from './sse';

describe('parseSse', () => {
  it.each([
    ['one complete event', 'event: help\ndata: {"x":1}\n\n', ['{"x":1}'], ''],
    ['an event still arriving', 'data: {"x"', [], 'data: {"x"'],
    ['two events and a partial', 'data: a\n\ndata: b\n\ndata: c', ['a', 'b'], 'data: c'],
    ['multi-line data', 'data: a\ndata: b\n\n', ['a\nb'], ''],
    ['CRLF line ends', 'data: a\r\n\r\n', ['a'], ''],
    ['comments and ids only', ': keep-alive\nid: 3\n\n', [], ''],
    ['no space after the colon', 'data:{"y":2}\n\n', ['{"y":2}'], ''],
  ])('%s', (_, input, data, rest) => {
    expect(parseSse(input)).toEqual({ data, rest });
  });
});
