import type {
  EscalationTicket,
  InterventionRecord,
  OnboardingStep,
  Signal,
  StruggleMetrics,
} from '@smart-onboarding/protocol';

/** Everything a person needs to pick up where the product left the user. */
export interface EscalationInput {
  id: string;
  userId: string;
  report?: StruggleMetrics;
  step?: OnboardingStep;
  /** Position of the step in the flow, 1-based, and the flow's length. */
  position?: { index: number; of: number };
  /** How long the user has been on the step. */
  onStepMs?: number;
  /** What was already tried on this journey. */
  interventions?: readonly InterventionRecord[];
  recentSignals?: readonly Signal[];
  page?: string;
  /** Set by the person or the widget when the user asked for a human themselves. */
  userMessage?: string;
  now: number;
}

const seconds = (ms: number) =>
  ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;

/** A few lines a support agent can read in ten seconds. */
export function struggleSummary(input: EscalationInput): string {
  const lines: string[] = [];
  const where = input.step
    ? `on step "${input.step.title}"${input.position ? ` (${input.position.index} of ${input.position.of})` : ''}`
    : 'outside any onboarding step';
  const time =
    input.onStepMs !== undefined && input.step
      ? `, ${seconds(input.onStepMs)} on it (expected ${seconds(input.step.estimatedDurationSec * 1000)})`
      : '';
  lines.push(`User ${input.userId} is stuck ${where}${time}.`);
  if (input.report) {
    const reasons = [...input.report.reasons]
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 4)
      .map((r) => r.code.replace(/_/g, ' '));
    lines.push(
      // Not the element: a selector the browser wrote, so text an attacker chose (issue 12, hole 10).
      `Struggle score ${input.report.score.toFixed(2)} (${input.report.source})${reasons.length ? `: ${reasons.join(', ')}` : ''}.`,
    );
  }
  const signals = input.recentSignals ?? input.report?.recentSignals ?? [];
  if (signals.length) {
    const counts = new Map<string, number>();
    for (const s of signals) counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
    lines.push(`Recent signals: ${[...counts].map(([t, n]) => `${t.replace(/_/g, ' ')} ×${n}`).join(', ')}.`);
  }
  const tried = (input.interventions ?? []).filter((i) => i.kind !== 'none' && !i.holdout);
  if (tried.length) {
    lines.push(
      `Already tried: ${tried.map((i) => `${i.kind.replace(/_/g, ' ')}${i.outcome ? ` (${i.outcome.replace(/_/g, ' ')})` : ''}`).join(', ')}.`,
    );
  }
  if (input.page) lines.push(`Page: ${input.page}.`);
  if (input.userMessage) lines.push(`The user wrote: "${input.userMessage.slice(0, 1000)}"`);
  return lines.join('\n').slice(0, 4000);
}

/**
 * Builds the `EscalationTicket` (status `pending`, no attempts yet).
 *
 * @example
 * const ticket = buildEscalationTicket({ id: crypto.randomUUID(), userId, report, step, interventions, now: Date.now() });
 */
export function buildEscalationTicket(input: EscalationInput): EscalationTicket {
  const signals = [...(input.recentSignals ?? input.report?.recentSignals ?? [])]
    .sort((a, b) => b.t - a.t)
    .slice(0, 32);
  return {
    id: input.id,
    userId: input.userId,
    ...(input.step ? { stepId: input.step.id } : input.report?.stepId ? { stepId: input.report.stepId } : {}),
    summary: struggleSummary(input),
    recentSignals: signals,
    status: 'pending',
    attempts: 0,
    createdAt: input.now,
  };
}
