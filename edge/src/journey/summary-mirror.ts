import { saveJourneySummary, summaryFingerprint } from '../adapters/d1/queries/journeys';
import { type JourneyAnalysis, journeyAnalysisOf } from '../analytics/journey-analysis';
import type { Services } from '../services';
import { type AlarmScheduler, RETRY_SOON_MS } from './alarm-scheduler';
import type { JourneyState } from './journey-state';
import type { JourneyStore } from './store/journey-store';

/** A journey's analysis fields for D1, from what its object stores beside it. */
export function analysisOf(store: JourneyStore, state: JourneyState): JourneyAnalysis {
  return journeyAnalysisOf(state, store.get('intelligence'), store.get('deviceClass'));
}

/**
 * The journey's summary in D1 (`journey_summaries`, `step_completions`), for queries across users. Written
 * after the answer rather than on its critical path: in order, each write taking the state current when it
 * runs, and only when the summary says something new. An alarm set with the state is the safety net: if
 * the write fails or the object goes away first, the alarm writes it.
 */
export class SummaryMirror {
  private chain: Promise<unknown> = Promise.resolve();
  /** The fingerprint of the last summary queued (in memory: a new instance writes once more). */
  private queued: string | null = null;

  constructor(
    private readonly deps: {
      store: JourneyStore;
      services: Pick<Services, 'db'>;
      alarms: AlarmScheduler;
      /** Sets the alarm for the work still pending once the safety net is not needed. */
      rearm(): Promise<void>;
      waitUntil(work: Promise<unknown>): void;
    },
  ) {}

  /** Queues a write of the current summary, unless the last one queued already says this. */
  async schedule(tenantId: string): Promise<void> {
    const { store, services, alarms } = this.deps;
    const state = store.get('journey');
    const flow = store.get('flow');
    if (!state || !flow) return;
    const fingerprint = summaryFingerprint(tenantId, state, flow.flow, analysisOf(store, state));
    // Engagement alone does not change a summary.
    if (fingerprint === this.queued) return;
    this.queued = fingerprint;
    await alarms.armAt(Date.now() + RETRY_SOON_MS);
    this.chain = this.chain.then(async () => {
      const latest = store.get('journey');
      if (!latest) return;
      try {
        const analysis = analysisOf(store, latest);
        await saveJourneySummary(services.db, tenantId, latest, flow.flow, analysis);
        store.set('summaryWritten', summaryFingerprint(tenantId, latest, flow.flow, analysis));
        // Nothing newer was queued meanwhile: the safety net is not needed (other alarm work may be).
        if (this.queued === fingerprint) await this.deps.rearm();
      } catch (err) {
        this.queued = null;
        console.warn('journey summary write failed; the alarm retries it', err);
      }
    });
    this.deps.waitUntil(this.chain);
  }

  /** Waits until the writes queued so far have run. */
  async settled(): Promise<void> {
    await this.chain;
  }

  /**
   * From the alarm: writes the summary when D1 does not have the current one. The monitor's alarm comes
   * every 30 s, so D1 is written only when the summary says something new. Returns false when the write failed.
   */
  async catchUp(tenantId: string): Promise<boolean> {
    const { store, services } = this.deps;
    const state = store.get('journey');
    const flow = store.get('flow');
    if (!state || !flow) return true;
    const analysis = analysisOf(store, state);
    const fingerprint = summaryFingerprint(tenantId, state, flow.flow, analysis);
    if (store.get('summaryWritten') === fingerprint) return true;
    try {
      await saveJourneySummary(services.db, tenantId, state, flow.flow, analysis);
      store.set('summaryWritten', fingerprint);
      return true;
    } catch (err) {
      console.warn('journey summary write failed again', err);
      return false;
    }
  }

  /** The journey was deleted: the next summary is written whatever it says. */
  forget(): void {
    this.queued = null;
  }
}
