import { type SdkEvents, SmartOnboarding } from '@smart-onboarding/sdk';

export type InterventionPlan = SdkEvents['intervention'];

declare global {
  interface Window {
    /** Written by the demo's `/dev-env.js` (`pnpm dev`): where the local edge runs. */
    SMART_ONBOARDING_DEV?: { endpoint?: string };
  }
}

/**
 * The edge to talk to: the one the demo announces in `/dev-env.js`, else port 8787 on the host that
 * served the page (where `pnpm dev` runs it). A real app would put its own deployment's URL here.
 */
export function edgeUrl(
  location: Pick<Location, 'protocol' | 'hostname'>,
  dev: Window['SMART_ONBOARDING_DEV'],
): string {
  return dev?.endpoint ?? `${location.protocol}//${location.hostname}:8787`;
}

/**
 * Starts the SDK for this page with the demo tenant's publishable key. `widgets: false`: the SDK draws
 * nothing itself; this app renders the widgets from the SDK's events.
 */
export function startOnboarding(): void {
  SmartOnboarding.init({
    publishableKey: 'pk_demo_local',
    endpoint: edgeUrl(window.location, window.SMART_ONBOARDING_DEV),
    widgets: false,
  });
}

/** Calls `show` with each intervention the edge pushes; returns the unsubscribe function. */
export function onIntervention(show: (plan: InterventionPlan) => void): () => void {
  return SmartOnboarding.on('intervention', show);
}

/** Reports an app goal (the edge records it; it is also the step's completion for the checklist). */
export function trackGoal(name: string, properties?: Record<string, string | number | boolean>): void {
  SmartOnboarding.track(name, properties);
}

/** Tells the SDK which step the user is on, so hesitation is measured against its estimate. */
export function enterStep(stepId: string | undefined, estimateMs?: number): void {
  SmartOnboarding.setStep(stepId, estimateMs);
}
