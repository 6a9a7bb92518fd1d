import type { FlowVersion, InterventionRecord } from '@smart-onboarding/protocol';
import type { DeviceClass } from '../../analytics/journey-analysis';
import type { JourneyIntelligence } from '../../intelligence/journey-intelligence';
import type { JourneyOutcome } from '../../learning/flow-learning';
import type { PendingEscalation } from '../escalation-retry';
import type { JourneyState } from '../journey-state';
import type { JourneyOwner } from '../owner';

/** A finished journey's outcome, kept until its flow learner has it. */
interface PendingOutcome {
  journeyId: string;
  flowId: string;
  outcome: JourneyOutcome;
}

/**
 * Everything a journey object persists (besides the ids of the events it has seen): one typed record, read
 * and written field by field through `JourneyStore`. Changing a field's shape means a migration
 * (`migrations.ts`), so an object written by older code still loads.
 */
export interface StoredJourney {
  /** Who the object belongs to, claimed by the first call. */
  owner: JourneyOwner | null;
  journey: JourneyState | null;
  /** The flow version the journey is pinned to. */
  flow: FlowVersion | null;
  /** What the intelligence knows of the journey; always present beside a journey (migration 2). */
  intelligence: JourneyIntelligence | null;
  /** An ended journey's outcome until its flow learner has it. */
  pendingOutcome: PendingOutcome | null;
  /** Escalation tickets whose webhook delivery the alarm still retries. */
  escalations: PendingEscalation[];
  /** The fingerprint of the last journey summary D1 has. */
  summaryWritten: string | null;
  /** When the alarm last reconciled the journey with D1. */
  reconciledAt: number;
  /** When the user last did something: the monitor tells a present user from an empty tab by it. */
  lastActivityAt: number | null;
  /**
   * Interventions decided while the user had no journey: fatigue limits count them, so reports from an id
   * that never started a journey cannot file a ticket or an AI call each (issue 12, hole 2).
   */
  looseInterventions: InterventionRecord[];
  /** The device the journey was first seen on (from events' page context), for analysis in D1. */
  deviceClass: DeviceClass | null;
  /**
   * When the user was deleted here (`deleteJourney`): events that happened before are dropped as if seen,
   * so an outbox resending them after the deletion cannot re-create the user (issue 12, hole 4).
   */
  forgottenAt: number | null;
}

export type StoredField = keyof StoredJourney;

/** What a field reads as when it was never written. */
export const STORED_DEFAULTS: Readonly<StoredJourney> = {
  owner: null,
  journey: null,
  flow: null,
  intelligence: null,
  pendingOutcome: null,
  escalations: [],
  summaryWritten: null,
  reconciledAt: 0,
  lastActivityAt: null,
  looseInterventions: [],
  deviceClass: null,
  forgottenAt: null,
};

/**
 * The row key of each field in the object's `kv` table: the names the object has always used, so rows
 * written before this schema existed are read as they are.
 */
export const ROW_KEYS: Readonly<Record<StoredField, string>> = {
  owner: 'owner',
  journey: 'journey',
  flow: 'flow',
  intelligence: 'intelligence',
  pendingOutcome: 'pending_outcome',
  escalations: 'escalations',
  summaryWritten: 'summary_written',
  reconciledAt: 'reconciled_at',
  lastActivityAt: 'last_activity',
  looseInterventions: 'loose_interventions',
  deviceClass: 'device_class',
  forgottenAt: 'forgotten_at',
};
