// The client against the real local edge (`wrangler dev` through the README's demo script): every
// operation it knows checked against the `/openapi.json` the edge serves (method, path, request and
// response components), then a journey driven end to end with the demo tenant's secret key, and the
// proof helper's hash accepted where a wrong one is refused.
import { type DevServer, startDevServer } from '@smart-onboarding/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoTenant from '../../../edge/src/dev/demo-tenant.json';
import { createServerClient, operations, SmartOnboardingError, userHash } from '../src/index';

interface Operation {
  operationId?: string;
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
}

let edge: DevServer;
let doc: Doc;

beforeAll(async () => {
  edge = await startDevServer();
  doc = (await (await fetch(`${edge.url}/openapi.json`)).json()) as Doc;
});
afterAll(async () => {
  await edge?.stop();
});

const ref = (name: string) => `#/components/schemas/${name}`;

describe('@smart-onboarding/server against /openapi.json', () => {
  it.each(Object.entries(operations))(
    '%s: method, path, body and response as the edge documents them',
    (name, op) => {
      const documented = doc.paths[op.path]?.[op.method.toLowerCase()];
      expect(documented?.operationId).toBe(name);
      const body = documented?.requestBody?.content['application/json']?.schema.$ref;
      expect(body).toBe('body' in op ? ref(op.body) : undefined);
      const success = Object.entries(documented!.responses).filter(([status]) => status.startsWith('2'));
      const refs = new Set(success.map(([, r]) => r.content?.['application/json']?.schema.$ref));
      expect([...refs]).toEqual(['response' in op ? ref(op.response) : undefined]);
    },
  );

  it('drives a journey with the secret key, and answers errors with their stable code', async () => {
    const so = createServerClient({ endpoint: edge.url, secretKey: demoTenant.secretKey });
    const userId = `server-client-${Date.now()}`;
    const { flows } = await so.listFlows({});
    expect(flows.map((f) => f.id)).toContain(demoTenant.flowId);

    const { journey } = await so.initializeUserJourney({ userId, body: { flowId: demoTenant.flowId } });
    expect(journey).toMatchObject({ userId, flowId: demoTenant.flowId, status: 'active' });
    const next = await so.getNextOptimalStep({ userId });
    expect(next.done).toBe(false);
    const stepId = next.step!.id;
    const progress = await so.updateUserProgress({ userId, body: { stepId, action: 'completed' } });
    expect(progress.journey.completedSteps.map((s) => s.stepId)).toContain(stepId);
    expect((await so.getJourney({ userId })).journey.completedSteps).toEqual(progress.journey.completedSteps);

    const listed = await so.listJourneys({ query: { flowId: demoTenant.flowId, limit: 50 } });
    expect(listed.journeys.map((j) => j.userId)).toContain(userId);
    const exported = await so.exportUserData({ userId });
    expect(JSON.stringify(exported)).toContain(userId);

    expect(await so.deleteUserJourney({ userId })).toBeUndefined();
    const gone = await so.getJourney({ userId }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(SmartOnboardingError);
    expect(gone).toMatchObject({ status: 404, code: 'not_found' });

    const invalid = await so
      .updateUserProgress({ userId, body: { stepId: 'Not A Slug!', action: 'completed' } })
      .catch((e: unknown) => e);
    expect(invalid).toMatchObject({ status: 400, code: 'validation_failed' });
  });

  it("computes the user proof the edge accepts, and the edge refuses another user's", async () => {
    const userId = `proof-${Date.now()}`;
    const asPage = async (hash: string) =>
      fetch(`${edge.url}/v1/journeys/${userId}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-so-key': demoTenant.publishableKey,
          'x-so-user': userId,
          'x-so-user-hash': hash,
          origin: 'http://127.0.0.1:5173',
        },
        body: JSON.stringify({ flowId: demoTenant.flowId }),
      });
    const wrong = await asPage(await userHash(demoTenant.identitySecret, 'someone-else'));
    expect(wrong.status).toBe(401);
    const right = await asPage(await userHash(demoTenant.identitySecret, userId));
    expect(right.status).toBe(201);
  });
});
