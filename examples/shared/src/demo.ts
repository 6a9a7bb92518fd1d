declare global {
  interface Window {
    /** Written by the demo's `/dev-env.js` (`pnpm dev`): where the local edge runs. */
    SMART_ONBOARDING_DEV?: { endpoint?: string };
  }
}

/** The demo tenant's publishable key (development only; `pnpm dev` seeds it). */
export const DEMO_PUBLISHABLE_KEY = 'pk_demo_local';

/**
 * The edge to talk to: the one the demo announces in `/dev-env.js`, else port 8787 on the host that
 * served the page (where `pnpm dev` runs it). A real app puts its own deployment's URL here.
 *
 * @example
 * SmartOnboarding.init({ publishableKey: DEMO_PUBLISHABLE_KEY, endpoint: demoEdge() });
 */
export function demoEdge(
  page: {
    location: Pick<Location, 'protocol' | 'hostname'>;
    SMART_ONBOARDING_DEV?: Window['SMART_ONBOARDING_DEV'];
  } = window,
): string {
  const { location, SMART_ONBOARDING_DEV: dev } = page;
  return dev?.endpoint ?? `${location.protocol}//${location.hostname}:8787`;
}
