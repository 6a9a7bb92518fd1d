import type { FlowVersion, InterventionPlan, StruggleMetrics } from '@smart-onboarding/protocol';
import type { EscalationContext } from '../escalation/payload';
import type { EscalationInput } from '../escalation/ticket';
import type { HelpMoment } from '../help/help-request';
import type { JourneyIntelligence } from '../intelligence/journey-intelligence';
import { helpRequestFor } from './help-context';
import type { JourneyState } from './journey-state';

/** Work a plan needs after it reaches the user: help to generate and stream, or a ticket for a person. */
export type StruggleFollowUp =
  | { kind: 'ai_help'; request: HelpMoment }
  | { kind: 'human'; input: EscalationInput; context: EscalationContext };

/**
 * What to do after deciding `plan`, or nothing. Pure: a held-out plan is never acted on (that is what
 * makes the holdout a control group), and only `ai_help` and `human` plans need more than the message.
 *
 * @example
 * const followUp = struggleFollowUp(plan, { tenantId, report, state, flow, intel });
 */
export function struggleFollowUp(
  plan: InterventionPlan,
  facts: {
    tenantId: string;
    report: StruggleMetrics;
    state: JourneyState | null;
    flow: FlowVersion | null;
    intel: JourneyIntelligence | null;
    now: number;
  },
): StruggleFollowUp | undefined {
  if (plan.holdout) return undefined;
  const { report, state, flow, now } = facts;
  const step = plan.stepId ? flow?.flow.steps.find((s) => s.id === plan.stepId) : undefined;
  if (plan.kind === 'ai_help') {
    return {
      kind: 'ai_help',
      request: helpRequestFor({
        tenantId: facts.tenantId,
        flow,
        currentStepId: state?.currentStepId ?? null,
        intel: facts.intel,
        ...(plan.stepId ? { stepId: plan.stepId } : {}),
        ...(report.element ? { element: report.element } : {}),
        reasons: report.reasons,
      }),
    };
  }
  if (plan.kind === 'human') {
    const index = step && flow ? flow.flow.steps.findIndex((s) => s.id === step.id) : -1;
    // The help desk gets no browser-set text about the user (traits are the browser's to choose): only
    // the id and the e-mail, which only the tenant's server can set (issue 12, hole 10).
    const email = state?.profile.email;
    return {
      kind: 'human',
      input: {
        id: plan.id,
        userId: state?.userId ?? 'unknown',
        report,
        ...(step ? { step } : {}),
        ...(index >= 0 && flow ? { position: { index: index + 1, of: flow.flow.steps.length } } : {}),
        ...(state && step && state.currentStepId === step.id
          ? { onStepMs: now - state.currentStepSince }
          : {}),
        interventions: state?.interventions ?? [],
        recentSignals: report.recentSignals,
        now,
      },
      context: {
        tenantId: facts.tenantId,
        user: { id: state?.userId ?? 'unknown', ...(email ? { email } : {}) },
        ...(flow ? { flowId: flow.flow.id } : {}),
      },
    };
  }
  return undefined;
}
