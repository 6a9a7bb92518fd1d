import type { HelpContent, InterventionPlan, OnboardingStep } from '@smart-onboarding/protocol';
import type { HelpEndpoint } from './help-request';

/** A mounted widget, as `@smart-onboarding/widgets`' mount API returns it. */
export interface WidgetHandle {
  update(props: Record<string, unknown>): void;
  destroy(): void;
  readonly host: HTMLElement;
}

/**
 * The part of `@smart-onboarding/widgets` (its `widgets.js` / `widgets.iife.js` bundle) the SDK uses.
 * Declared here, structurally, so the SDK's types do not pull in the widgets' Preact sources.
 */
export interface WidgetsApi {
  mountTour(props: Record<string, unknown>): WidgetHandle;
  mountNudge(props: Record<string, unknown>): WidgetHandle;
  mountHelpPanel(props: Record<string, unknown>): WidgetHandle;
  mountHint(props: Record<string, unknown>): WidgetHandle;
  mountProgress(props: Record<string, unknown>, options?: { container?: Element }): WidgetHandle;
}

/** What the onboarding UI needs from the SDK core: the widgets, and a way to report what the user did. */
export interface OnboardingUiHost {
  /** Loads the widgets bundle (once; the UI caches the promise). */
  loadWidgets(): Promise<WidgetsApi>;
  /** The user did the step (its goal was met in the tour) or closed it for good. */
  reportStep(stepId: string, action: 'completed' | 'skipped'): void;
  /** What became of a nudge: on screen, taken, or closed by the user. */
  reportIntervention(interventionId: string, action: 'shown' | 'accepted' | 'dismissed'): void;
  /** Help the UI asked the edge for, passed on to `on('help')` / `on('helpChunk')` listeners. */
  helpReceived(message: HelpChunk | HelpContent): void;
  /** Where to ask for help for this user (`provideContextualHelp`); undefined before the user is known. */
  helpEndpoint(): HelpEndpoint | undefined;
  warn(...args: unknown[]): void;
}

/** A streamed help delta (the edge's `help_chunk` message). */
export interface HelpChunk {
  helpId: string;
  delta: string;
  done: boolean;
}

/** The on-screen half of the SDK: turns what the edge pushes into widgets. Every method is idempotent. */
export interface OnboardingUi {
  /** The step the user is on (`null`: the flow is done), with the variant the optimizer chose. */
  step(step: OnboardingStep | null, variantId?: string): void;
  /** Steps done out of the flow's total. */
  progress(done: number, total: number): void;
  intervention(plan: InterventionPlan): void;
  /** Complete help (authored, or the final form of a streamed answer with its sources and target). */
  help(content: HelpContent): void;
  helpChunk(chunk: HelpChunk): void;
  /** Takes every widget off the page. */
  teardown(): void;
}

export type CreateOnboardingUi = (host: OnboardingUiHost) => OnboardingUi;
