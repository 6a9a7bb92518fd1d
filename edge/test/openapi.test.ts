import { describe, expect, it } from 'vitest';
import demoFlow from '../../examples/creator-studio/public/flow.json';
import edgeDemoFlow from '../src/dev/demo-flow.json';
import { api } from './helpers';

interface Doc {
  paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>>;
  components: { securitySchemes: Record<string, unknown> };
}

describe('/openapi.json', () => {
  it("names every SmartOnboardingService operation with the seed's method name", async () => {
    const doc = (await (await api('/openapi.json')).json()) as Doc;
    const operations = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(operations).toEqual(
      expect.arrayContaining([
        'initializeUserJourney',
        'updateUserProgress',
        'getNextOptimalStep',
        'handleUserStruggle',
        'completeOnboarding',
        'getJourney',
        'listJourneys',
        'deleteUserJourney',
        'exportUserData',
        'publishFlow',
        'listFlows',
        'getFlow',
        'listFlowVersions',
        'getFlowVersion',
        'ingestEvents',
        'openJourneySocket',
        'issueAnonymousIdentity',
        'listAuditLog',
        'getModelAsset',
        'generateContentRecommendations',
        'analyzeTenantEngagement',
        'listUserEngagement',
        'analyzeEngagementPatterns',
        'detectStruggleIndicators',
        'generateBehavioralInsights',
        'trackInteraction',
        'trackInterventionEffectiveness',
      ]),
    );
    expect(new Set(operations).size).toBe(operations.length);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(
      expect.arrayContaining(['publishableKey', 'secretKey', 'userHash']),
    );
    expect(doc.paths['/v1/journeys/{userId}/next']?.get?.security).toBeTruthy();
  });
});

describe('the demo flow', () => {
  it('is the creator-studio example’s flow, so the demo app and the seeded tenant agree', () => {
    expect(edgeDemoFlow).toEqual(demoFlow);
  });
});
