import { describe, expect, it } from 'vitest';
import { consoleAssetPath } from './console-assets';

describe('consoleAssetPath', () => {
  it.each([
    ['/console', '/console/'],
    ['/console/', '/console/'],
    ['/console/console.js', '/console/console.js'],
    ['/console/console.css', '/console/console.css'],
  ])('serves %s from %s', (path, asset) => {
    expect(consoleAssetPath(path)).toBe(asset);
  });

  it.each([
    '/consoles',
    '/console/../v1/model/struggle.onnx',
    '/console/a/b.js',
    '/console/..',
    '/console/%2e%2e',
    '/v1/console',
  ])('refuses %s', (path) => {
    expect(consoleAssetPath(path)).toBeNull();
  });
});
