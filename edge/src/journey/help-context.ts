import type { FlowVersion, StruggleReason } from '@smart-onboarding/protocol';
import type { HelpMoment } from '../help/help-request';
import type { JourneyIntelligence } from '../intelligence/journey-intelligence';

/**
 * The `provideContextualHelp` request for a moment of a journey: the flow, the step (the named one, else
 * the journey's current one), the element, the page, the question, why, and how much to say (the
 * persona's guidance). Pure. Articles are left to the help service (retrieval picks from the tenant's library).
 *
 * @example
 * const req = helpRequestFor({ tenantId, flow, currentStepId: state.currentStepId, intel, element: '#save' });
 */
export function helpRequestFor(facts: {
  tenantId: string;
  flow: FlowVersion | null;
  currentStepId: string | null;
  intel: JourneyIntelligence | null;
  stepId?: string;
  element?: string;
  page?: string;
  question?: string;
  reasons?: readonly StruggleReason[];
  locale?: string;
}): HelpMoment {
  const { flow } = facts;
  const stepId = facts.stepId ?? facts.currentStepId ?? undefined;
  const step = stepId ? flow?.flow.steps.find((s) => s.id === stepId) : undefined;
  return {
    tenantId: facts.tenantId,
    flow: { id: flow?.flow.id ?? 'unknown', version: flow?.version ?? 0, name: flow?.flow.name },
    ...(step ? { step } : {}),
    ...(facts.reasons ? { reasons: facts.reasons } : {}),
    ...(facts.element ? { element: facts.element } : {}),
    ...(facts.page ? { page: { path: facts.page } } : {}),
    ...(facts.question ? { question: facts.question } : {}),
    ...(facts.locale ? { locale: facts.locale } : {}),
    ...(facts.intel ? { guidance: facts.intel.persona.recommendedApproach.guidance } : {}),
  };
}
