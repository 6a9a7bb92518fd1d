import type {
  HelpContent,
  InterventionPlan,
  OnboardingStep,
  ScalarRecord,
  Signal,
  StruggleReason,
} from '@smart-onboarding/protocol';
import type { ScorerState } from '../struggle/detector';
import type { Dropped } from '../transport/queue';
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
  /**
   * The flow to start the user on (`initializeUserJourney`, idempotent): the edge then says which step to
   * show. Without it, steps appear once the journey is started elsewhere (your server, another page).
   */
  flow?: string;
  /**
   * `'auto'` (default): the SDK loads the widgets when it has something to show and renders the tour,
   * nudges, help panel and progress itself. `false`: it renders nothing; the app renders its own from
   * `on('step')`, `on('intervention')`, `on('help')`, `on('helpChunk')` and reports with `completeStep`.
   */
  widgets?: 'auto' | false;
  /** Where the script-tag build loads the widgets bundle from (default: `smart-onboarding.widgets.js` beside it). */
  widgetsUrl?: string;
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
  /** Help for the user, complete (authored, or the final form of a streamed answer). */
  help: HelpContent;
  /** A piece of a streamed answer (`done` on the last). */
  helpChunk: { helpId: string; delta: string; done: boolean };
}

export interface Status {
  consent: ConsentState;
  /** Whether capture is running. */
  capturing: boolean;
  scorer: ScorerState | undefined;
  channel: 'socket' | 'http' | 'offline' | 'none';
  queued: number;
  /**
   * Events given up since capture started, by why: the outbox was full (`cap`: the oldest go), they were
   * captured for another user than the one signed in now (`user`: never sent as the wrong person), or
   * the edge refused them as invalid (`invalid`). Never silent. Absent while capture is off.
   */
  dropped: Dropped | undefined;
}
