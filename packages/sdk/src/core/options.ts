import type {
  InterventionPlan,
  OnboardingStep,
  ScalarRecord,
  Signal,
  StruggleReason,
} from '@smart-onboarding/protocol';
import type { ScorerState } from '../struggle/detector';
import type { ConsentState } from './consent';

export interface UserIdentity {
  id: string;
  /** hex HMAC-SHA256(identity secret, id), computed by the customer's server. */
  hash?: string;
  traits?: ScalarRecord;
}

/** Options of `SmartOnboarding.init`. */
export interface InitOptions {
  /** The tenant's publishable key (`pk_…`). */
  publishableKey: string;
  /** Base URL of the edge, e.g. `https://onboarding.example.com`. */
  endpoint: string;
  user?: UserIdentity;
  /** Default `granted`. With `pending` or `denied` nothing is captured, stored or sent. */
  consent?: ConsentState;
  /** Console warnings (only in debug mode: the SDK is silent otherwise). */
  debug?: boolean;
  /** `false` keeps the on-device model off: the rule-based scorer decides alone. Default true. */
  model?: boolean;
  /** Extra selectors whose elements are described only as `[masked]` (never their ids or classes). */
  mask?: string[];
  /** Honour Do Not Track and Global Privacy Control (treated as `denied`). Default true. */
  honorDoNotTrack?: boolean;
  /** Open the WebSocket (default true); with false, batched HTTP only. */
  socket?: boolean;
}

/** What `on('struggle')` receives. */
export interface StruggleEvent {
  score: number;
  reasons: StruggleReason[];
  stepId: string | undefined;
  source: 'model' | 'rules';
  /** The element the struggle centres on, when there is one. */
  element?: string;
}

/** Events of `SmartOnboarding.on`. */
export interface SdkEvents extends Record<string, unknown> {
  /** One frustration or hesitation signal, as it happens (`t` in epoch ms). */
  signal: Signal;
  struggle: StruggleEvent;
  intervention: InterventionPlan;
  /** The step the edge says the user is on (or null when the flow is done). */
  step: OnboardingStep | null;
  /** Which scorer decides struggle (rules, or the model once loaded). */
  scorer: ScorerState;
}

export interface Status {
  consent: ConsentState;
  /** Whether capture is running. */
  capturing: boolean;
  scorer: ScorerState | undefined;
  channel: 'socket' | 'http' | 'offline' | 'none';
  queued: number;
}
