/**
 * Smart Onboarding's browser SDK for bundlers. `SmartOnboarding` is the one instance a page uses (the
 * script-tag build exposes the same API as `window.SmartOnboarding`). Struggle detection is a separate
 * chunk, imported after consent. Pure parts live on subpaths: `@smart-onboarding/sdk/signals`,
 * `/features`, `/capture`, `/struggle`.
 *
 * @example
 * import { SmartOnboarding } from '@smart-onboarding/sdk';
 * SmartOnboarding.init({ publishableKey: 'pk_live_…', endpoint: 'https://onboarding.example.com' });
 * SmartOnboarding.on('struggle', ({ score, reasons, stepId }) => showHelp(stepId, reasons));
 */
import { createSmartOnboarding } from './core/client';

/** The wire protocol version this SDK speaks. */
export const PROTOCOL = 'v1' as const;

export type { ClientDependencies, SmartOnboardingApi } from './core/api';
export { createSmartOnboarding } from './core/client';
export type { ConsentState } from './core/consent';
export type { InitOptions, SdkEvents, Status, StruggleEvent, UserIdentity } from './core/options';
export type { ScorerState } from './struggle/detector';
export type { HelpChunk, OnboardingUi, WidgetsApi } from './ui/types';

/** The SDK instance of this page. */
export const SmartOnboarding = /* @__PURE__ */ createSmartOnboarding({
  loadDetector: () => import('./struggle/index').then((m) => m.createStruggleDetector),
  loadUi: () => import('./ui/index').then((m) => m.createOnboardingUi),
  // A URL given in `widgetsUrl` is imported as it is; otherwise the bundler resolves the package.
  loadWidgets: (url) => import('./ui/load-widgets.js').then((m) => m.loadWidgetsModule(url)),
});
