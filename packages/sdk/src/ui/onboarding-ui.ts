import type { HelpContent, InterventionPlan, OnboardingStep } from '@smart-onboarding/protocol';
import { requestHelp } from './help-request';
import { applyHelp, type HelpView } from './help-stream';
import type { HelpChunk, OnboardingUi, OnboardingUiHost, WidgetHandle, WidgetsApi } from './types';

/** The tour on screen: one step at a time, the one the edge chose (with its variant). */
interface ShownTour {
  stepId: string;
  variantId: string | undefined;
  handle?: WidgetHandle;
}

/**
 * The on-screen half of the SDK: a tour on the step the edge says the user is on, a nudge for each
 * intervention that is not a holdout, a help panel that streams answers, and a progress bar. The widgets
 * bundle is loaded on the first thing to show, never before; what the user does with a widget goes back
 * through `host` (step completions, intervention outcomes).
 *
 * @example
 * const ui = createOnboardingUi({ loadWidgets: () => import('@smart-onboarding/widgets'), reportStep, reportIntervention, warn });
 * ui.step(step, variantId);
 * ui.intervention(plan);
 */
export function createOnboardingUi(host: OnboardingUiHost): OnboardingUi {
  let widgets: Promise<WidgetsApi> | undefined;
  let closed = false;
  let tour: ShownTour | undefined;
  let nudge: WidgetHandle | undefined;
  /** The step the nudge on screen is about, if it names one. */
  let nudgeStep: string | undefined;
  /** The step the tour is on, and the steps it moved on from: help about those is help for something done. */
  let onStep: string | undefined;
  const left = new Set<string>();
  const isLeft = (stepId: string | undefined) => !!stepId && left.has(stepId);
  let panel: WidgetHandle | undefined;
  let helpView: HelpView | undefined;
  let progress: { handle?: WidgetHandle; box: HTMLElement } | undefined;
  const aborts = new AbortController();
  /** The current step's title, for the progress bar's label. */
  let nextTitle: string | undefined;

  let counts: { done: number; total: number } | undefined;
  /** The tour card's number in the journey, as the progress bar counts: "Step 3 of 5", not "Step 1 of 1". */
  const numbering = () =>
    counts ? { numbering: { first: Math.min(counts.done + 1, counts.total), total: counts.total } } : {};
  /** The progress bar; its label says what comes next (a step on another page shows no tour until then). */
  const renderProgress = () => {
    const shown = counts;
    if (!shown) return;
    withWidgets((w) => {
      if (!progress) {
        const box = document.createElement('div');
        box.setAttribute('data-so-progress', '');
        // Bottom centre, clear of the corner nudge and the side help panel; never in the way of a click
        // (a progress bar has nothing to press).
        box.style.cssText =
          'position:fixed;left:50%;bottom:12px;transform:translateX(-50%);width:min(320px,70vw);z-index:2147482000;pointer-events:none';
        document.body.append(box);
        progress = { box };
      }
      const props = {
        ...shown,
        ...(nextTitle && shown.done < shown.total ? { label: `Next: ${nextTitle}` } : {}),
      };
      if (progress.handle) progress.handle.update(props);
      else progress.handle = w.mountProgress(props, { container: progress.box });
    });
  };

  /** Runs `fn` once the widgets are there, unless the UI was torn down meanwhile. */
  const withWidgets = (fn: (w: WidgetsApi) => void) => {
    widgets ??= host.loadWidgets();
    widgets.then(
      (w) => {
        if (!closed) fn(w);
      },
      (err) => host.warn('the widgets could not be loaded', err),
    );
  };
  const destroy = (h: WidgetHandle | undefined) => h?.destroy();

  const showHelp = () => {
    const view = helpView;
    if (!view) return;
    withWidgets((w) => {
      if (helpView !== view) return; // a newer message is on its way to the panel
      const props = { help: view.help, streaming: view.streaming };
      if (panel) return panel.update(props);
      const handle = w.mountHelpPanel({
        ...props,
        autoFocus: false,
        onClose: () => {
          handle.destroy();
          if (panel === handle) panel = undefined;
        },
      });
      panel = handle;
    });
  };

  /**
   * The user took a nudge: the help panel opens at once and streams the edge's answer for the step and
   * the element (generated, or the team's authored help, labelled as such), ringing the element it is
   * about. If the edge cannot answer, the plan's own words are the help. Help the edge already streams
   * over the socket (an `ai_help` plan) has its panel open: nothing more is asked.
   */
  const accept = (plan: InterventionPlan) => {
    host.reportIntervention(plan.id, 'accepted');
    destroy(nudge);
    nudge = nudgeStep = undefined;
    if (panel || helpView?.streaming) return;
    const target = plan.target ? { targetSelector: plan.target.selector } : {};
    const step = plan.stepId ? { stepId: plan.stepId } : {};
    const fallback: HelpView = {
      help: { id: plan.id, source: 'authored', text: plan.body, sources: [], ...step, ...target },
      streaming: false,
    };
    const endpoint = host.helpEndpoint();
    if (!endpoint) {
      helpView = fallback;
      return showHelp();
    }
    helpView = { help: { id: plan.id, text: '', sources: [], ...step, ...target }, streaming: true };
    showHelp();
    const request = {
      ...step,
      ...(plan.target ? { element: plan.target.selector } : {}),
      page: location.pathname,
    };
    let answered = false;
    void requestHelp(
      endpoint,
      request,
      (m) => {
        if (closed) return;
        answered = true;
        const message = m.type === 'help' ? m.help : { helpId: m.helpId, delta: m.delta, done: m.done };
        host.helpReceived(message);
        helpView = applyHelp(helpView, message);
        showHelp();
      },
      aborts.signal,
    ).then((complete) => {
      if (closed || complete) return;
      if (answered && helpView) helpView = { ...helpView, streaming: false };
      else helpView = fallback;
      showHelp();
    });
  };

  return {
    step(step: OnboardingStep | null, variantId?: string) {
      if (onStep && onStep !== step?.id) left.add(onStep);
      onStep = step?.id;
      if (onStep) left.delete(onStep);
      // A nudge about a step the user has left (its goal met) goes with the step. Only steps the tour
      // showed count: a step the page names itself (`setStep`) is not the journey's to judge.
      if (nudge && isLeft(nudgeStep)) {
        destroy(nudge);
        nudge = nudgeStep = undefined;
      }
      if (tour && step?.id === tour.stepId && variantId === tour.variantId) return;
      destroy(tour?.handle);
      tour = undefined;
      nextTitle = step
        ? ((step.variants ?? []).find((v) => v.id === variantId)?.title ?? step.title)
        : undefined;
      renderProgress();
      if (!step) return;
      const current: ShownTour = { stepId: step.id, variantId };
      tour = current;
      withWidgets((w) => {
        if (tour !== current) return;
        current.handle = w.mountTour({
          steps: [{ ...step, ...(variantId ? { variantId } : {}) }],
          ...numbering(),
          onComplete: () => host.reportStep(step.id, 'completed'),
          onDismiss: () => {
            destroy(current.handle);
            current.handle = undefined;
          },
        });
      });
    },
    progress(done: number, total: number) {
      if (total <= 0) return;
      counts = { done: Math.min(done, total), total };
      tour?.handle?.update(numbering());
      renderProgress();
    },
    intervention(plan: InterventionPlan) {
      if (plan.holdout || plan.kind === 'none') return;
      // Decided on a step the user has since finished (a report sent just before the goal was met).
      if (isLeft(plan.stepId)) return;
      withWidgets((w) => {
        if (isLeft(plan.stepId)) return;
        destroy(nudge);
        const handle = w.mountNudge({
          plan,
          onShown: () => host.reportIntervention(plan.id, 'shown'),
          onAccept: accept,
          onDismiss: (_: InterventionPlan, outcome: 'dismissed' | 'ignored') => {
            // `ignored` (expired unseen) is not the user's answer: the edge learns it from silence.
            if (outcome === 'dismissed') host.reportIntervention(plan.id, 'dismissed');
            handle.destroy();
            if (nudge === handle) nudge = nudgeStep = undefined;
          },
        });
        nudge = handle;
        nudgeStep = plan.stepId;
      });
    },
    help(content: HelpContent) {
      helpView = applyHelp(helpView, content);
      showHelp();
    },
    helpChunk(chunk: HelpChunk) {
      helpView = applyHelp(helpView, chunk);
      showHelp();
    },
    teardown() {
      closed = true;
      aborts.abort();
      for (const h of [tour?.handle, nudge, panel, progress?.handle]) destroy(h);
      progress?.box.remove();
      tour = nudge = panel = progress = helpView = counts = nextTitle = nudgeStep = onStep = undefined;
      left.clear();
    },
  };
}
