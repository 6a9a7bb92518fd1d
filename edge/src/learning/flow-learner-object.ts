import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';
import type { FlowLearnerRpc } from './flow-learner-rpc';
import {
  emptyFlowLearning,
  type FlowLearningState,
  type JourneyOutcome,
  learnFromJourney,
} from './flow-learning';

/** Journeys whose outcome was learned are remembered this many at most (a retry comes within seconds). */
const LEARNED_IDS_CAP = 5_000;

/**
 * What one flow has learned from its journeys (`FlowLearningState`: the path optimizer's posteriors, the
 * success model, step durations), in one Durable Object per (tenant, flow) so learning is strongly
 * consistent without locks. Journey objects read a snapshot to decide, report the decisions they made (the
 * exploration budget is counted here, across all journeys of the flow) and send their outcome once when
 * they end (idempotent by journey id, so a retried report is learned once).
 */
export class FlowLearnerObject extends DurableObject<Env> implements FlowLearnerRpc {
  private state: FlowLearningState | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec(
      'CREATE TABLE IF NOT EXISTS learned (journey_id TEXT PRIMARY KEY, at INTEGER NOT NULL)',
    );
  }

  private async load(): Promise<FlowLearningState> {
    this.state ??= (await this.ctx.storage.get<FlowLearningState>('learning')) ?? emptyFlowLearning();
    return this.state;
  }

  private async save(state: FlowLearningState) {
    this.state = state;
    await this.ctx.storage.put('learning', state);
  }

  /** The flow's learning state now, for decisions and predictions. */
  async snapshot(): Promise<FlowLearningState> {
    return this.load();
  }

  /**
   * Counts decisions a journey made on a snapshot, so the exploration budget (explorations ≤ 20% of
   * decisions) holds across every journey of the flow.
   */
  async noteDecisions(decisions: number, explorations: number): Promise<void> {
    if (decisions <= 0 && explorations <= 0) return;
    const state = await this.load();
    await this.save({
      ...state,
      optimizer: {
        ...state.optimizer,
        decisions: state.optimizer.decisions + Math.max(0, decisions),
        explorations: state.optimizer.explorations + Math.max(0, explorations),
      },
    });
  }

  /** Learns from an ended journey, once per journey id. Returns false when it was already learned. */
  async learnFromJourney(journeyId: string, outcome: JourneyOutcome): Promise<boolean> {
    const sql = this.ctx.storage.sql;
    if (sql.exec('SELECT 1 FROM learned WHERE journey_id = ?', journeyId).toArray().length > 0) return false;
    const state = await this.load();
    sql.exec('INSERT INTO learned (journey_id, at) VALUES (?, ?)', journeyId, Date.now());
    sql.exec(
      'DELETE FROM learned WHERE journey_id IN (SELECT journey_id FROM learned ORDER BY at DESC LIMIT -1 OFFSET ?)',
      LEARNED_IDS_CAP,
    );
    await this.save(learnFromJourney(state, outcome));
    return true;
  }

  /**
   * Forgets the ids of a deleted user's journeys. The posteriors keep what they learned: counts pooled
   * over every journey of the flow, from which no one user can be read back.
   */
  async forgetJourneys(journeyIds: readonly string[]): Promise<void> {
    this.ctx.storage.sql.exec(
      'DELETE FROM learned WHERE journey_id IN (SELECT value FROM json_each(?))',
      JSON.stringify(journeyIds),
    );
  }
}
