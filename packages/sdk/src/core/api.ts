import type { ScalarRecord } from '@smart-onboarding/protocol';
import type { CreateStruggleDetector } from '../struggle/detector';
import type { CreateOnboardingUi, WidgetsApi } from '../ui/types';
import type { ConsentState } from './consent';
import type { InitOptions, SdkEvents, Status } from './options';

/** The public API of the SDK: `window.SmartOnboarding` and the ESM `SmartOnboarding`. */
export interface SmartOnboardingApi {
  init(options: InitOptions): void;
  identify(userId: string, traits?: ScalarRecord, userHash?: string): void;
  track(name: string, properties?: ScalarRecord): void;
  setConsent(state: ConsentState): void;
  on<K extends keyof SdkEvents>(name: K, cb: (payload: SdkEvents[K]) => void): () => void;
  off<K extends keyof SdkEvents>(name: K, cb: (payload: SdkEvents[K]) => void): void;
  /**
   * Reports the step as done (or skipped): the edge advances the journey and pushes the next step. The
   * built-in tour and `track` calls matching a step's event goal call it; apps that render their own
   * widgets (`widgets: false`) call it from their tour.
   */
  completeStep(stepId: string, action?: 'completed' | 'skipped'): void;
  /** Marks the onboarding step the user is on (tours call it; the edge's `next_step` sets it too). */
  setStep(stepId: string | undefined, estimateMs?: number): void;
  status(): Status;
  /** Removes every listener, observer, timer and socket, and flushes the queue. */
  shutdown(): Promise<void>;
}

/** The parts the client loads on demand; each build (ESM, script tag) says where they come from. */
export interface ClientDependencies {
  /**
   * Loads struggle detection (feature windows, rules, the model's worker client). Loaded after consent,
   * apart from the core, so the always-loaded script stays small; events wait for it in a bounded buffer.
   */
  loadDetector?: () => Promise<CreateStruggleDetector>;
  /** Loads the onboarding UI glue (a separate file or chunk), on the first thing to show. */
  loadUi?: () => Promise<CreateOnboardingUi>;
  /** Loads the widgets bundle the UI mounts (`widgetsUrl` is the init option, when given). */
  loadWidgets?: (widgetsUrl: string | undefined) => Promise<WidgetsApi>;
}
