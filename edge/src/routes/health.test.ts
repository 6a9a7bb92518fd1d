import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('GET /health', () => {
  it('answers ok with the protocol version, from the deployed Worker', async () => {
    const res = await exports.default.fetch('http://edge.test/health');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', service: 'smart-onboarding-edge', protocol: 'v1' });
    expect(typeof (body as { time: unknown }).time).toBe('number');
  });

  it('answers an unknown path with the protocol error shape', async () => {
    const res = await exports.default.fetch('http://edge.test/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'no route for GET /nope' } });
  });
});
