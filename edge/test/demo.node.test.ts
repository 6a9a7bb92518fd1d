import { Validator } from '@seriousme/openapi-schema-validator';
import { type DevServer, startDevServer } from '@smart-onboarding/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The README's demo command, run for real (migrations, wrangler dev, workerd), driven over HTTP.
describe('the local demo', () => {
  let demo: DevServer;
  beforeAll(async () => {
    demo = await startDevServer();
  });
  afterAll(async () => {
    await demo?.stop();
  });

  it('serves /health', async () => {
    const res = await fetch(`${demo.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', protocol: 'v1' });
  });

  it('serves an OpenAPI 3.1 document that a validator accepts, with every protocol schema in it', async () => {
    const res = await fetch(`${demo.url}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; components: { schemas: Record<string, unknown> } };
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    for (const name of [
      'BehaviorEvent',
      'EventBatch',
      'FlowDefinition',
      'OnboardingJourney',
      'UserProfile',
      'ErrorBody',
      'ClientMessage',
      'ServerMessage',
    ]) {
      expect(doc.components.schemas, name).toHaveProperty(name);
    }
  });

  it('answers bad paths with the protocol error shape', async () => {
    const res = await fetch(`${demo.url}/v0/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
