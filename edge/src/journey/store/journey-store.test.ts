import { runInDurableObject } from 'cloudflare:test';
import { FlowDefinition, type FlowVersion } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { DEMO, uniqueUser } from '../../../test/helpers';
import { editStoredJourney, journeyStubOf, readStoredJourney } from '../../../test/journey-storage';
import demoFlow from '../../dev/demo-flow.json' with { type: 'json' };
import { startJourney } from '../journey-state';
import { STORE_VERSION } from './migrations';

const flow: FlowVersion = { flow: FlowDefinition.parse(demoFlow), version: 1, createdAt: 1 };

describe('the journey store', () => {
  it('reads every field with its default until written, and keeps what is written across a restart', async () => {
    const stub = journeyStubOf(uniqueUser('store'));
    await editStoredJourney(stub, (store) => {
      expect(store.get('owner')).toBeNull();
      expect(store.get('escalations')).toEqual([]);
      expect(store.get('reconciledAt')).toBe(0);
      store.set('lastActivityAt', 1234);
      store.set('summaryWritten', 'abc');
      store.set('summaryWritten', null);
    });
    await readStoredJourney(stub, (store) => {
      expect(store.get('lastActivityAt')).toBe(1234);
      expect(store.get('summaryWritten')).toBeNull();
    });
  });

  it('remembers event ids and forgets those older than asked', async () => {
    const stub = journeyStubOf(uniqueUser('store'));
    await readStoredJourney(stub, (store) => {
      store.rememberEventIds(['a', 'b'], 100, 0);
      expect([...store.seenEventIds(['a', 'b', 'c'])].sort()).toEqual(['a', 'b']);
      store.rememberEventIds(['c'], 200, 150);
      expect([...store.seenEventIds(['a', 'b', 'c'])]).toEqual(['c']);
    });
  });

  it('loads an object written before the store had a version, migrating it (version 1 → 2)', async () => {
    const userId = uniqueUser('legacy');
    const owner = { tenantId: DEMO.tenantId, userId };
    const stub = journeyStubOf(userId);
    const state = startJourney({
      id: crypto.randomUUID(),
      userId,
      flow: flow.flow,
      flowVersion: 1,
      profile: { technicalProficiency: 'beginner', previousExperience: 'none' },
      now: Date.now(),
      first: { step: flow.flow.steps[0]!, done: false, reason: 'first' },
    });
    // What the object wrote before this schema: string keys in `kv`, no version, no intelligence for a
    // journey started before the intelligence existed, and an explicit null for a sent outcome.
    await runInDurableObject(stub, (_instance, ctx) => {
      const { sql } = ctx.storage;
      sql.exec('DROP TABLE store_meta');
      const rows: Record<string, unknown> = {
        owner,
        journey: state,
        flow,
        pending_outcome: null,
        escalations: [],
        last_activity: 42,
      };
      for (const [key, value] of Object.entries(rows))
        sql.exec('INSERT INTO kv (key, value) VALUES (?, ?)', key, JSON.stringify(value));
    });
    await editStoredJourney(stub, () => undefined);

    const journey = await stub.getJourney(owner);
    expect(journey.ok && journey.value).toMatchObject({
      id: state.id,
      currentStep: { id: 'create-profile' },
    });
    await runInDurableObject(stub, (_instance, ctx) => {
      const { sql } = ctx.storage;
      expect(sql.exec<{ version: number }>('SELECT version FROM store_meta').one().version).toBe(
        STORE_VERSION,
      );
      expect(sql.exec("SELECT 1 FROM kv WHERE key = 'pending_outcome'").toArray()).toEqual([]);
    });
    await readStoredJourney(stub, (store) => {
      expect(store.get('lastActivityAt')).toBe(42);
      // The persona comes from the stored profile, as the journey's reads always assumed.
      expect(store.get('intelligence')?.persona.personaType).toBe('cautious_beginner');
    });
  });
});
