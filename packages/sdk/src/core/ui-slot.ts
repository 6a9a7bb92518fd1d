import type { OnboardingUi } from '../ui/types';

/**
 * The onboarding UI of one run: loaded on the first thing to show (never before), and taken off the page
 * with the run. What was asked of it before it loaded is done once it is there, unless the run ended
 * meanwhile. `load` resolves undefined when the UI cannot be had (no loader, `widgets: false`, a failure).
 *
 * @example
 * const ui = createUiSlot(() => loadUi().then((create) => create(host)));
 * ui.run((u) => u.step(step));
 * ui.teardown();
 */
export function createUiSlot(load: () => Promise<OnboardingUi | undefined>) {
  let ui: Promise<OnboardingUi | undefined> | undefined;
  let closed = false;
  return {
    run(fn: (u: OnboardingUi) => void) {
      if (closed) return;
      ui ??= load();
      void ui.then((u) => {
        if (u && !closed) fn(u);
      });
    },
    teardown() {
      closed = true;
      void ui?.then((u) => u?.teardown());
    },
  };
}
