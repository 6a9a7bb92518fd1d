import type { InterventionPlan, OnboardingStep } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { createOnboardingUi } from './onboarding-ui';
import type { WidgetHandle, WidgetsApi } from './types';

const step = (id: string): OnboardingStep =>
  ({ id, title: id, body: '', variants: [], estimatedDurationSec: 30 }) as unknown as OnboardingStep;
const plan = (id: string, stepId: string): InterventionPlan => ({
  id,
  stepId,
  kind: 'hint',
  holdout: false,
  createdAt: 0,
  title: `help on ${stepId}`,
  reason: 'test',
  body: '',
  target: { selector: `#${stepId}` },
});

/** The widgets' mount API, recording which nudges are on screen (what the routing decides, nothing drawn). */
function recordingWidgets() {
  const nudges = new Set<string>();
  const handle = (onDestroy = () => {}): WidgetHandle => ({
    update() {},
    destroy: onDestroy,
    host: {} as HTMLElement,
  });
  const api: WidgetsApi = {
    mountTour: () => handle(),
    mountHelpPanel: () => handle(),
    mountHint: () => handle(),
    mountProgress: () => handle(),
    mountNudge: (props) => {
      const id = (props.plan as InterventionPlan).id;
      nudges.add(id);
      return handle(() => nudges.delete(id));
    },
  };
  return { api, nudges };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function ui() {
  const w = recordingWidgets();
  const u = createOnboardingUi({
    loadWidgets: async () => w.api,
    reportStep() {},
    reportIntervention() {},
    helpReceived() {},
    helpEndpoint: () => undefined,
    warn() {},
  });
  return { u, nudges: w.nudges };
}

describe('onboarding UI: nudges follow the step', () => {
  it('a nudge about a step the user has finished goes as the next step starts', async () => {
    const { u, nudges } = ui();
    u.step(step('create-post'));
    u.intervention(plan('p1', 'create-post'));
    await settle();
    expect([...nudges]).toEqual(['p1']);
    u.step(step('schedule-post'));
    await settle();
    expect([...nudges]).toEqual([]);
  });

  it('a plan decided on a step already finished (it crossed the step change) is not shown', async () => {
    const { u, nudges } = ui();
    u.step(step('create-post'));
    u.step(step('schedule-post'));
    u.intervention(plan('late', 'create-post'));
    await settle();
    expect([...nudges]).toEqual([]);
    u.intervention(plan('now', 'schedule-post'));
    await settle();
    expect([...nudges]).toEqual(['now']);
  });

  it('help about the current step, or a step the page named itself, stays', async () => {
    const { u, nudges } = ui();
    u.step(step('connect-account'));
    u.intervention(plan('own', 'billing'));
    await settle();
    expect([...nudges]).toEqual(['own']);
    // The same step again (a reconnect's welcome) is no step change.
    u.step(step('connect-account'));
    await settle();
    expect([...nudges]).toEqual(['own']);
  });
});
