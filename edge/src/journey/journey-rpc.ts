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
  UserProfile,
} from '@smart-onboarding/protocol';
import type { HelpMoment } from '../help/help-request';
import type { RecommendationContext } from '../intelligence/content-recommendations';
import type { Outcome } from './outcome';
import type { JourneyOwner } from './owner';

/** What the journey object reports after forgetting its state (`JourneyRpc.deleteJourney`). */
export interface ForgottenJourney {
  /** When the object forgot the user, on the clock that stamps the user's queue messages. */
  forgottenAt: number;
  /** The journeys the object still knew of (D1 may not have their summaries yet). */
  journeys: { journeyId: string; flowId: string }[];
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  ids: string[];
  /** The user denied consent (`privacy/consent.ts`): nothing was queued, every event is refused. */
  consentDenied?: true;
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
  deleteJourney(owner: JourneyOwner): Promise<Outcome<ForgottenJourney>>;
  /** The profile the journey was started with, or null without a journey (for the user's export). */
  storedProfile(owner: JourneyOwner): Promise<Outcome<Partial<Omit<UserProfile, 'id'>> | null>>;
  ingestEvents(owner: JourneyOwner, batch: EventBatch): Promise<Outcome<IngestResult>>;
  /** Waits until the D1 summary writes scheduled so far have run (tests use it). */
  summarySettled(): Promise<void>;
  /** Waits until every cache write so far has landed (tests use it). */
  cacheSettled(): Promise<void>;
}
