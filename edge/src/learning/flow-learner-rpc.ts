import type { FlowLearningState, JourneyOutcome } from './flow-learning';

/** The object's name for a (tenant, flow): ids have no whitespace, so a newline cannot be forged into one. */
export function flowLearnerName(tenantId: string, flowId: string): string {
  return `${tenantId}\n${flowId}`;
}

/**
 * The flow learner Durable Object as journey objects call it (typed RPC). `Env` names the object by this
 * contract rather than by its class.
 */
export interface FlowLearnerRpc extends Rpc.DurableObjectBranded {
  /** The flow's learning state now, for decisions and predictions. */
  snapshot(): Promise<FlowLearningState>;
  /** Counts decisions a journey made on a snapshot (the exploration budget holds across the flow). */
  noteDecisions(decisions: number, explorations: number): Promise<void>;
  /** Learns from an ended journey, once per journey id. Returns false when it was already learned. */
  learnFromJourney(journeyId: string, outcome: JourneyOutcome): Promise<boolean>;
  /** Forgets the ids of a deleted user's journeys (what was learned from them is pooled and stays). */
  forgetJourneys(journeyIds: readonly string[]): Promise<void>;
}
