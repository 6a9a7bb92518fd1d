import type {
  InterventionOutcome,
  InterventionPlan,
  OnboardingStep,
  StruggleMetrics,
  UserProfileInput,
} from '@smart-onboarding/protocol';

/** What the simulation needs from an onboarding backend: the seed's `SmartOnboardingService`, per user. */
export interface SimDecision {
  step: OnboardingStep | null;
  variantId?: string;
  done: boolean;
}

export interface SimBackend {
  readonly arm: 'adaptive' | 'smart';
  start(userId: string, profile: Partial<Omit<UserProfileInput, 'id'>>, now: number): Promise<SimDecision>;
  progress(
    userId: string,
    stepId: string,
    action: 'completed' | 'skipped',
    durationMs: number,
    now: number,
  ): Promise<SimDecision>;
  struggle(userId: string, report: StruggleMetrics, now: number): Promise<InterventionPlan>;
  interventionOutcome(
    userId: string,
    interventionId: string,
    outcome: InterventionOutcome,
    now: number,
  ): Promise<void>;
  end(userId: string, status: 'completed' | 'abandoned', now: number): Promise<void>;
}
