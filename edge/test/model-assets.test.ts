import { describe, expect, it } from 'vitest';
import { modelCacheControl } from '../src/routes/model-assets';
import { api, DEMO, freshTenant, json } from './helpers';

// public/v1/model/empty.wasm is the smallest valid wasm module (magic number and version): 8 bytes.
const WASM_HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

describe('GET /v1/model/* (static assets)', () => {
  it('serves wasm with its content type, long caching and an ETag', async () => {
    const res = await api('/v1/model/empty.wasm');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/wasm');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400, stale-while-revalidate=604800');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual(WASM_HEADER);
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await api('/v1/model/empty.wasm', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('gives an allowed origin CORS with the tenant’s publishable key', async () => {
    const res = await api(`/v1/model/empty.wasm?key=${DEMO.publishableKey}`, {
      headers: { origin: 'http://localhost:5173' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it.each([
    ['no key', '', 401, 'unauthorized'],
    ['a key whose tenant does not allow the origin', 'TENANT', 403, 'origin_not_allowed'],
  ])('refuses a cross-origin request with %s', async (_name, key, status, code) => {
    const t = await freshTenant({ allowedOrigins: ['https://app.example.com'] });
    const query = key ? `?key=${t.publishableKey}` : '';
    const res = await api(`/v1/model/empty.wasm${query}`, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(status);
    expect(await json(res)).toMatchObject({ error: { code } });
  });

  it('answers a missing file with not_found', async () => {
    const res = await api('/v1/model/struggle-missing.onnx');
    expect(res.status).toBe(404);
    expect(await json(res)).toMatchObject({ error: { code: 'not_found' } });
  });

  it.each([
    ['/v1/model/struggle.onnx', 'public, max-age=86400, stale-while-revalidate=604800'],
    ['/v1/model/struggle.3f9a1c2b.onnx', 'public, max-age=31536000, immutable'],
    ['/v1/model/ort-wasm-simd-threaded-1.23.2.wasm', 'public, max-age=31536000, immutable'],
  ])('caches %s as %s', (path, header) => {
    expect(modelCacheControl(path)).toBe(header);
  });
});
