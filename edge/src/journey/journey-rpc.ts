import type {
  ContextualHelpRequest,
  EventBatch,
  FlowVersion,
  InitializeJourneyRequest,
  InterventionPlan,
  NextStepResponse,
  OnboardingJourney,
  OnboardingResult,
  StruggleMetrics,
  UpdateProgressRequest,
} from '@smart-onboarding/protocol';
import type { HelpMoment } from '../help/help-request';
import type { RecommendationContext } from '../intelligence/content-recommendations';
import type { Outcome } from './outcome';
import type { JourneyOwner } from './owner';

export interface IngestResult {
  accepted: number;
  duplicates: number;
  ids: string[];
}

/** What reconciliation with D1 found and repaired. */
export interface Reconciliation {
  conflicts: string[];
  repaired: { journey: boolean; summary: boolean };
}

/**
 * The journey Durable Object as its callers see it (typed RPC, the seed's `SmartOnboardingService` and
 * the rest). `Env` names the object by this contract rather than by its class, so the bindings do not
 * depend on the object's modules. Expected failures come back as `Outcome` values with their stable code.
 */
export interface JourneyRpc extends Rpc.DurableObjectBranded {
  initializeUserJourney(
    owner: JourneyOwner,
    flow: FlowVersion,
    profile: InitializeJourneyRequest['profile'],
    /** The experiment variant the edge assigned (routes/journeys.ts), recorded with the journey. */
    experiment?: { id: string; variant: string } | null,
  ): Promise<Outcome<{ journey: OnboardingJourney; created: boolean }>>;
  getJourney(owner: JourneyOwner): Promise<Outcome<OnboardingJourney>>;
  getNextOptimalStep(owner: JourneyOwner): Promise<Outcome<NextStepResponse>>;
  updateUserProgress(
    owner: JourneyOwner,
    update: UpdateProgressRequest,
  ): Promise<Outcome<{ journey: OnboardingJourney; next: NextStepResponse }>>;
  handleUserStruggle(
    owner: JourneyOwner,
    report: StruggleMetrics,
    options?: { pushToSockets?: boolean },
  ): Promise<Outcome<InterventionPlan>>;
  contextualHelpRequest(owner: JourneyOwner, query: ContextualHelpRequest): Promise<Outcome<HelpMoment>>;
  recommendationContext(owner: JourneyOwner, stepId?: string): Promise<Outcome<RecommendationContext>>;
  reconcileUserState(owner: JourneyOwner): Promise<Outcome<Reconciliation>>;
  completeOnboarding(owner: JourneyOwner): Promise<Outcome<OnboardingResult>>;
  deleteJourney(owner: JourneyOwner): Promise<Outcome<void>>;
  ingestEvents(owner: JourneyOwner, batch: EventBatch): Promise<Outcome<IngestResult>>;
  /** Waits until the D1 summary writes scheduled so far have run (tests use it). */
  summarySettled(): Promise<void>;
  /** Waits until every cache write so far has landed (tests use it). */
  cacheSettled(): Promise<void>;
}
