import { describe, expect, it } from 'vitest';
import { assetUrl, isCspRefusal } from './messages';

describe('assetUrl', () => {
  it.each([
    ['https://edge.example.com/v1/model/', 'a.onnx', 'https://edge.example.com/v1/model/a.onnx'],
    [
      'https://edge.example.com/v1/model/?key=pk_1',
      'a.onnx',
      'https://edge.example.com/v1/model/a.onnx?key=pk_1',
    ],
    [
      'http://127.0.0.1:8787/v1/model/?key=pk%2F1&x=2',
      'w.js',
      'http://127.0.0.1:8787/v1/model/w.js?key=pk%2F1&x=2',
    ],
  ])('%s + %s', (base, file, expected) => {
    expect(assetUrl(base, file)).toBe(expected);
  });
});

describe('isCspRefusal', () => {
  it.each([
    [
      "WebAssembly.Module(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source",
      true,
    ],
    [
      "Refused to create a worker from 'blob:...' because it violates the following Content Security Policy directive",
      true,
    ],
    ['HTTP 404', false],
    ['Failed to fetch', false],
  ])('%s', (message, expected) => {
    expect(isCspRefusal(message)).toBe(expected);
  });
});
