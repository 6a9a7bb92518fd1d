import type { OnboardingStep, ServerMessage } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import type { OnboardingUi } from '../ui/types';
import type { EventBody } from './envelope';
import { createJourney, type JourneyOutlet } from './journey';

const step = (
  id: string,
  goal: OnboardingStep['goal'] = { kind: 'click', selector: `#${id}` },
): OnboardingStep => ({ id, title: id, body: '', estimatedDurationSec: 30, goal }) as OnboardingStep;
const profile = step('profile', { kind: 'event', event: 'profile_created' });
const connect = step('connect');

/** A journey, attached to a run that writes down everything it is asked to do. */
function journey() {
  const log: string[] = [];
  const sent: [EventBody, boolean | undefined][] = [];
  const ui: OnboardingUi = {
    step: (s, variantId) => log.push(`ui.step ${s?.id ?? null}${variantId ? ` ${variantId}` : ''}`),
    progress: (done, total) => log.push(`ui.progress ${done}/${total}`),
    intervention: (plan) => log.push(`ui.intervention ${plan.id}`),
    help: (h) => log.push(`ui.help ${h.id}`),
    helpChunk: (c) => log.push(`ui.helpChunk ${c.delta}`),
    teardown: () => log.push('ui.teardown'),
  };
  const j = createJourney({
    emit: (name, payload) =>
      log.push(
        `emit ${name} ${JSON.stringify(payload && typeof payload === 'object' && 'id' in payload ? payload.id : payload)}`,
      ),
    warn: (...args) => log.push(`warn ${args.join(' ')}`),
  });
  const run: JourneyOutlet = {
    send: (body, urgent) => sent.push([body, urgent]),
    ui: (fn) => fn(ui),
    stepChanged: (id, estimateMs) => log.push(`step ${id}${estimateMs ? ` ${estimateMs}` : ''}`),
  };
  j.attach(run);
  return { j, log, sent, run };
}

const pushed: [string, ServerMessage[], string[]][] = [
  [
    'next_step shows the step: hesitation timing, on(step), the tour with its variant',
    [{ type: 'next_step', step: connect, variantId: 'simple' }],
    ['step connect 30000', 'emit step "connect"', 'ui.step connect simple'],
  ],
  [
    'a welcome names the step the user is on',
    [{ type: 'welcome', journeyId: 'j', currentStep: profile }],
    ['step profile 30000', 'emit step "profile"', 'ui.step profile'],
  ],
  [
    'a welcome without a step keeps the step already shown (the journey may not exist yet)',
    [
      { type: 'next_step', step: connect },
      { type: 'welcome', journeyId: 'j', currentStep: null },
    ],
    ['step connect 30000', 'emit step "connect"', 'ui.step connect'],
  ],
  [
    'the flow is done: the step goes away',
    [
      { type: 'next_step', step: connect },
      { type: 'next_step', step: null },
    ],
    [
      'step connect 30000',
      'emit step "connect"',
      'ui.step connect',
      'step undefined',
      'emit step null',
      'ui.step null',
    ],
  ],
  [
    'the same step again is no new step for detection',
    [
      { type: 'next_step', step: connect },
      { type: 'next_step', step: connect, variantId: 'simple' },
    ],
    [
      'step connect 30000',
      'emit step "connect"',
      'ui.step connect',
      'emit step "connect"',
      'ui.step connect simple',
    ],
  ],
  [
    'an intervention goes to on(intervention) and the nudge',
    [{ type: 'intervention', plan: { id: 'p1', kind: 'hint', title: 't', body: 'b' } as never }],
    ['emit intervention "p1"', 'ui.intervention p1'],
  ],
  [
    'help and its chunks go to their events and the help panel',
    [
      { type: 'help_chunk', helpId: 'h1', delta: 'Open ', done: false },
      { type: 'help', help: { id: 'h1', text: 'Open settings', source: 'generated', sources: [] } as never },
    ],
    [
      'emit helpChunk {"helpId":"h1","delta":"Open ","done":false}',
      'ui.helpChunk Open ',
      'emit help "h1"',
      'ui.help h1',
    ],
  ],
  [
    'an error from the edge is a warning',
    [{ type: 'error', error: { code: 'rate_limited', message: 'slow down' } } as ServerMessage],
    ['warn edge said rate_limited slow down'],
  ],
  ['acknowledgements are the transport’s', [{ type: 'ack', ids: ['a'] } as ServerMessage], []],
];

describe('journey routing', () => {
  it.each(pushed)('%s', (_name, messages, expected) => {
    const { j, log } = journey();
    for (const m of messages) j.receive(m);
    expect(log).toEqual(expected);
  });

  it('a track call naming the step’s event goal completes the step, once', () => {
    const { j, sent } = journey();
    j.receive({ type: 'next_step', step: profile });
    j.tracked('something_else');
    j.tracked('profile_created');
    j.tracked('profile_created');
    expect(sent).toEqual([[{ eventType: 'step', stepId: 'profile', action: 'completed' }, true]]);
  });

  it('a goal met before its step started is credited as the step starts', () => {
    const { j, sent } = journey();
    const connected = step('connect-account', { kind: 'event', event: 'account_connected' });
    j.receive({ type: 'next_step', step: profile });
    j.tracked('account_connected');
    expect(sent).toEqual([]);
    j.receive({ type: 'next_step', step: connected });
    expect(sent).toEqual([[{ eventType: 'step', stepId: 'connect-account', action: 'completed' }, true]]);
  });

  it('a track call completes nothing on a step whose goal is not an event', () => {
    const { j, sent } = journey();
    j.receive({ type: 'next_step', step: connect });
    j.tracked('connect');
    expect(sent).toEqual([]);
  });

  it.each<[string, string, 'completed' | 'skipped' | undefined, EventBody[]]>([
    ['a step done', 'profile', undefined, [{ eventType: 'step', stepId: 'profile', action: 'completed' }]],
    ['a step skipped', 'profile', 'skipped', [{ eventType: 'step', stepId: 'profile', action: 'skipped' }]],
    ['an id that is no slug', 'Profile <b>', undefined, []],
    ['an empty id', '', undefined, []],
  ])('completeStep: %s', (_name, id, action, expected) => {
    const { j, sent } = journey();
    j.completeStep(id, action);
    expect(sent.map(([body]) => body)).toEqual(expected);
  });

  it('a step completed without consent is not counted done: it can be reported once consent comes', () => {
    const { j, sent, run } = journey();
    j.detach();
    j.completeStep('profile');
    j.attach(run);
    j.completeStep('profile');
    expect(sent).toEqual([[{ eventType: 'step', stepId: 'profile', action: 'completed' }, true]]);
  });

  it('without consent nothing is shown, but on(step) still says where the user is', () => {
    const { j, log } = journey();
    j.detach();
    j.receive({ type: 'next_step', step: connect });
    expect(log).toEqual(['emit step "connect"']);
  });

  it('the journey’s start shows its step and the progress, and counts what was done before', () => {
    const { j, log, sent } = journey();
    j.started({ next: { step: connect, variantId: 'simple' } as never, completed: ['profile'], total: 4 });
    expect(log).toEqual([
      'step connect 30000',
      'emit step "connect"',
      'ui.step connect simple',
      'ui.progress 1/4',
    ]);
    j.completeStep('profile');
    expect(sent).toEqual([]);
    j.completeStep('connect');
    expect(log.at(-1)).toBe('ui.progress 2/4');
    j.receive({ type: 'next_step', step: null });
    expect(log.at(-1)).toBe('ui.progress 4/4');
  });

  it('setStep: the page marks the step; ids that are no slugs mark none; the same step is no change', () => {
    const { j, log } = journey();
    j.setStep('billing', 20_000);
    j.setStep('billing');
    j.setStep('<script>');
    expect(log).toEqual(['step billing 20000', 'step undefined']);
    expect(j.stepId()).toBeUndefined();
  });

  it('detach forgets the steps done and the step shown, not the step the page set', () => {
    const { j, sent, run } = journey();
    j.receive({ type: 'next_step', step: profile });
    j.completeStep('profile');
    j.detach();
    j.attach(run);
    expect(j.stepId()).toBe('profile');
    j.tracked('profile_created'); // no step shown any more
    j.completeStep('profile'); // done again after a new grant of consent
    expect(sent).toHaveLength(2);
  });
});
