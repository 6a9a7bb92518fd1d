import type { FlowDefinition, OnboardingStep, StruggleMetrics } from '@smart-onboarding/protocol';

/**
 * Struggle on one element: a control that does not answer (rage or dead clicks), a form that refuses
 * input, an error right after a click. These are noticed for every persona: the persona changes how
 * help is offered, never whether an unanswered control is noticed.
 */
const ELEMENT_SIGNALS = new Set(['rage_click', 'dead_click', 'form_struggle', 'error_click']);

/**
 * The element signal a report rests on, when the rules confirmed it on a named element. Model reports
 * carry feature names as reasons, so only the rules' signal codes count: the model's score stays under
 * the persona's threshold.
 */
export function elementSignal(report: StruggleMetrics): string | undefined {
  if (report.source !== 'rules' || !report.element) return undefined;
  const top = [...report.reasons].sort((a, b) => b.weight - a.weight);
  return top.find((r) => ELEMENT_SIGNALS.has(r.code))?.code;
}

/** The step that points at this element (the Schedule button's step for rage clicks on it), if any. */
export function stepForElement(
  flow: FlowDefinition | null,
  element: string | undefined,
): OnboardingStep | undefined {
  if (!flow || !element) return undefined;
  return flow.steps.find((s) => s.target?.selector === element);
}

/** What to say when no step or authored hint names the element: from the signal, not the step. */
const BY_SIGNAL: Record<string, { title: string; body: string }> = {
  rage_click: {
    title: 'This is not responding yet',
    body: 'Nothing happens here yet: something it needs may be missing. Check the fields and choices just before it.',
  },
  dead_click: {
    title: 'This is not clickable',
    body: 'This part does not do anything when clicked. The highlighted control is where to go.',
  },
  form_struggle: {
    title: 'Check this field',
    body: 'This field has not accepted what was entered yet. The message next to it says what it expects.',
  },
  error_click: {
    title: 'Something went wrong here',
    body: 'That did not work. Check what it asks for and try again.',
  },
};

/**
 * The hint's text for struggle on an element: the text of the step that points at that element (its
 * simpler wording when it has one), else words that fit the signal. The current step's text is only
 * the caller's fallback when there is no element signal at all.
 */
export function elementHintText(
  signal: string,
  elementStep: OnboardingStep | undefined,
): { title: string; body: string } {
  if (elementStep) {
    const simpler = elementStep.variants.find((v) => v.style === 'simplified');
    return {
      title: elementStep.title,
      body: elementStep.body || simpler?.body || BY_SIGNAL[signal]?.body || '',
    };
  }
  return BY_SIGNAL[signal] ?? { title: 'Need a hand?', body: 'This part can be tricky.' };
}
