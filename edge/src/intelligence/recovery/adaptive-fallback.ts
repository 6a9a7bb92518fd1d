import {
  feasibleSteps,
  type NextStepContext,
  type NextStepDecision,
  type NextStepPolicy,
  ruleBasedNextStep,
} from '../../journey/next-step-policy';

/** Why the learned policy's answer was not used. */
function invalidDecision(ctx: NextStepContext, d: NextStepDecision): string | undefined {
  const done = new Set(ctx.done);
  for (const id of d.skip ?? []) {
    const s = ctx.flow.steps.find((x) => x.id === id);
    if (!s) return `skips unknown step ${id}`;
    if (!s.optional) return `skips required step ${id}`;
    if (!feasibleSteps(ctx.flow, done).some((f) => f.id === id)) return `skips step ${id} out of order`;
    done.add(id);
  }
  if (!d.step) {
    const allDone = ctx.flow.steps.every((s) => done.has(s.id));
    if (d.done !== allDone) return d.done ? 'claims done with steps left' : 'chose nothing with steps left';
    return undefined;
  }
  const step = ctx.flow.steps.find((s) => s.id === d.step!.id);
  if (!step) return `chose unknown step ${d.step.id}`;
  if (done.has(step.id)) return `chose step ${step.id}, already done`;
  const unmet = step.prerequisites.filter((p) => !done.has(p));
  if (unmet.length) return `chose step ${step.id} with unmet prerequisites ${unmet.join(', ')}`;
  if (d.variantId && !step.variants.some((v) => v.id === d.variantId))
    return `chose unknown variant ${d.variantId}`;
  return undefined;
}

/**
 * The seed's `fallbackToAdaptiveOnboarding`: wraps a learned policy so that when it throws or answers
 * something unusable (a step with unmet prerequisites, a corrupt state's unknown step), the journey gets
 * the rule-based choice instead, and the reason says so. The learned part can fail; onboarding cannot.
 *
 * @example
 * const policy = fallbackToAdaptiveOnboarding(pathOptimizerPolicy(holder), { onFallback: (why) => console.warn(why) });
 */
export function fallbackToAdaptiveOnboarding(
  learned: NextStepPolicy,
  options: { rules?: NextStepPolicy; onFallback?: (why: string) => void } = {},
): NextStepPolicy {
  const rules = options.rules ?? ruleBasedNextStep;
  return {
    name: `${learned.name}|fallback:${rules.name}`,
    choose(ctx) {
      let why: string | undefined;
      try {
        const d = learned.choose(ctx);
        why = invalidDecision(ctx, d);
        if (!why) return d;
      } catch (error) {
        why = `${learned.name} failed: ${error instanceof Error ? error.message : String(error)}`;
      }
      options.onFallback?.(why);
      const d = rules.choose(ctx);
      return { ...d, reason: `adaptive fallback (${why}): ${d.reason}` };
    },
  };
}
