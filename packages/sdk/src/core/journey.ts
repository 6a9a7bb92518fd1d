import type { OnboardingStep, ServerMessage } from '@smart-onboarding/protocol';
import type { OnboardingUi } from '../ui/types';
import type { EventBody } from './envelope';
import type { JourneyStart } from './journey-api';
import type { SdkEvents } from './options';

/** Step ids the SDK reports or marks: anything else (a typo, a hostile string) is ignored. */
const SLUG = /^[a-z0-9][a-z0-9_-]*$/;

/** What the journey tells the page, always. */
export interface JourneyHost {
  emit<K extends keyof SdkEvents>(name: K, payload: SdkEvents[K]): void;
  warn(...args: unknown[]): void;
}

/** Where the journey sends and shows, while consent stands (the run). */
export interface JourneyOutlet {
  send(body: EventBody, urgent?: boolean): void;
  /** Runs `fn` on the onboarding UI (loaded on first use; never with `widgets: false`). */
  ui(fn: (ui: OnboardingUi) => void): void;
  /** The step the user is on changed: detection measures the time on it against its estimate. */
  stepChanged(stepId: string | undefined, estimateMs?: number): void;
}

/**
 * Where the user is in the onboarding, as this page knows it, and the routing of what the edge pushes: the
 * step the edge says the user is on (`welcome`, `next_step`, the journey's start) goes to `on('step')` and
 * the tour; interventions and help go to their events and widgets. A step is reported done once per page,
 * by the tour, by the app (`completeStep`) or by a `track` call naming the step's event goal,
 * also one made on this page before the step started.
 *
 * @example
 * const journey = createJourney({ emit, warn });
 * journey.attach(run);
 * journey.receive({ type: 'next_step', step, variantId });
 * journey.tracked('post_created'); // the step's goal: reported done
 */
export function createJourney(host: JourneyHost) {
  let stepId: string | undefined;
  /** The step the edge says the user is on, for matching `track` calls against its event goal. */
  let current: OnboardingStep | null = null;
  /** Steps reported done by this page (a step's goal may be met by the tour and by `track` at once). */
  let completed = new Set<string>();
  /** Event goals the app tracked on this page: a step whose goal was met before it started is done. */
  const met = new Set<string>();
  /** Steps in the flow (the progress bar's total), once the journey's start said. */
  let total = 0;
  /** The run, while consent stands: without it nothing is sent or shown, and no step is reported done. */
  let out: JourneyOutlet | undefined;

  const progress = () => {
    if (total) out?.ui((u) => u.progress(completed.size, total));
  };
  const setStep = (id: string | undefined, estimateMs?: number) => {
    const next = id && SLUG.test(id) ? id : undefined;
    if (next === stepId) return;
    stepId = next;
    out?.stepChanged(next, estimateMs);
  };
  const show = (step: OnboardingStep | null, variantId?: string) => {
    current = step;
    setStep(step?.id, step ? step.estimatedDurationSec * 1000 : undefined);
    host.emit('step', step);
    out?.ui((u) => u.step(step, variantId));
    if (!step && total) out?.ui((u) => u.progress(total, total));
    // A channel connected before the tour asks for it counts: the step is credited as it starts.
    if (step?.goal?.kind === 'event' && met.has(step.goal.event)) completeStep(step.id);
  };
  /** Interventions and help go to their event and to the widget of the same name. */
  const pass = <K extends 'intervention' | 'help' | 'helpChunk'>(name: K, payload: SdkEvents[K]) => {
    host.emit(name, payload);
    out?.ui((u) => (u[name] as (p: SdkEvents[K]) => void)(payload));
  };
  const completeStep = (id: string, action: 'completed' | 'skipped' = 'completed') => {
    if (!SLUG.test(id) || completed.has(id) || !out) return;
    completed.add(id);
    out.send({ eventType: 'step', stepId: id, action }, true);
    progress();
  };

  return {
    /** The step the user is on (set by the page, or by the edge through `show`). */
    stepId: () => stepId,
    setStep,
    completeStep,
    /** A `track` call: completes the step the user is on when `name` is its event goal. */
    tracked(name: string) {
      if (met.size < 256) met.add(name);
      const goal = current?.goal;
      if (goal?.kind === 'event' && goal.event === name) completeStep(current!.id);
    },
    /** Where the journey stood when this page started it (`init({ flow })`). */
    started(begun: JourneyStart) {
      for (const id of begun.completed) completed.add(id);
      total = begun.total;
      if (begun.next.step?.id !== current?.id || begun.next.variantId)
        show(begun.next.step, begun.next.variantId);
      progress();
    },
    /** A message the edge pushed (acknowledgements are the transport's). */
    receive(m: ServerMessage) {
      if (m.type === 'intervention') pass('intervention', m.plan);
      else if (m.type === 'welcome') {
        // Before the journey exists the welcome has no step: keep what the journey's start showed.
        if (m.currentStep || !current) show(m.currentStep);
      } else if (m.type === 'next_step') show(m.step, m.variantId);
      else if (m.type === 'help') pass('help', m.help);
      else if (m.type === 'help_chunk') pass('helpChunk', { helpId: m.helpId, delta: m.delta, done: m.done });
      else if (m.type === 'error') host.warn('edge said', m.error.code, m.error.message);
    },
    /** Consent granted: the run sends and shows from now on. */
    attach(run: JourneyOutlet) {
      out = run;
    },
    /** Consent ended: the step shown and the steps done go with the run's UI; the step the page set stays. */
    detach() {
      out = undefined;
      current = null;
      completed = new Set();
    },
  };
}

export type Journey = ReturnType<typeof createJourney>;
