import { type InitOptions, type SdkEvents, SmartOnboarding } from '@smart-onboarding/sdk';

export type InterventionPlan = SdkEvents['intervention'];

/**
 * `widgets: false` asks the SDK not to draw any UI itself: this app renders the widgets from the SDK's
 * events. (Typed here as an extension so the example compiles against SDK versions without the option;
 * older versions ignore it.)
 */
type ExampleInitOptions = InitOptions & { widgets?: false | 'auto' };

/**
 * The edge to talk to: `?edge=` when given (the tests point it at their own edge), else port 8787 on
 * the host that served the page, which is where `pnpm dev` runs it.
 */
export function edgeUrl(location: Pick<Location, 'search' | 'protocol' | 'hostname'>): string {
  const fromQuery = new URLSearchParams(location.search).get('edge');
  return fromQuery ?? `${location.protocol}//${location.hostname}:8787`;
}

/** Starts the SDK for this page, with the demo tenant's publishable key. */
export function startOnboarding(): void {
  const options: ExampleInitOptions = {
    publishableKey: 'pk_demo_local',
    endpoint: edgeUrl(window.location),
    widgets: false,
  };
  SmartOnboarding.init(options);
}

/** Calls `show` with each intervention the edge pushes; returns the unsubscribe function. */
export function onIntervention(show: (plan: InterventionPlan) => void): () => void {
  return SmartOnboarding.on('intervention', show);
}

/** Reports an app goal (the edge records it; it is also the step's completion for the checklist). */
export function trackGoal(name: string, properties?: Record<string, string | number | boolean>): void {
  SmartOnboarding.track(name, properties);
}
