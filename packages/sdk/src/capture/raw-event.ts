/**
 * The SDK's capture format: what the listeners record, on the device, before anything is derived.
 * Signals and feature windows are pure functions over arrays of these; the model pipeline (`models/`)
 * simulates and scores streams of them, and `pnpm score` reads them as JSONL (one event per line).
 *
 * Privacy: raw events never leave the device. They carry no key, no input value and no page text;
 * a target is described by a selector, its tag and role, and flags computed on the device.
 *
 * Changes to this file are additive (new optional fields, new event types): traces written by older
 * versions must still parse.
 */

/** Which device produced pointer input. `keyboard` is used for focus moves without a pointer. */
export type PointerKind = 'mouse' | 'touch' | 'pen';

/** A page element, described without its content. */
export interface TargetInfo {
  /** A CSS selector that matches this element alone in its document or shadow root (id, test id, name, or a path). */
  selector: string;
  tag: string;
  role?: string;
  /** What kind of control it is, as far as the SDK can tell. */
  kind: 'link' | 'button' | 'input' | 'text-input' | 'select' | 'checkbox' | 'other';
  /** Whether the element (or an ancestor) looks actionable: link, button, form control, tabindex, handler hints. */
  interactive: boolean;
  /** A stepper or pager control (next, previous, +, -): fast repeated clicks there are normal. */
  stepper?: boolean;
  disabled?: boolean;
  /** Its box in viewport pixels at the time of the event. */
  rect?: { x: number; y: number; w: number; h: number };
}

/** Times are milliseconds on one monotonic clock (performance.now() in the browser; trace start in files). */
interface At {
  t: number;
}

export type RawEvent =
  | (At & { type: 'move'; x: number; y: number; pointer: PointerKind })
  | (At & { type: 'down'; x: number; y: number; button: number; pointer: PointerKind; target?: TargetInfo })
  | (At & { type: 'up'; x: number; y: number; button: number; pointer: PointerKind; target?: TargetInfo })
  /** `detail` is the browser's click count: 2 for the second click of a double click. */
  | (At & { type: 'click'; x: number; y: number; pointer: PointerKind; detail: number; target?: TargetInfo })
  | (At & { type: 'wheel'; dx: number; dy: number; x?: number; y?: number })
  /** Scroll position of the document (no `container`) or of a scrolling element. */
  | (At & { type: 'scroll'; x: number; y: number; maxY: number; container?: string })
  /** Key timing only: the class of key, never the key. */
  | (At & {
      type: 'key';
      kind: 'char' | 'delete' | 'navigation' | 'enter' | 'tab' | 'escape' | 'modifier' | 'other';
      target?: TargetInfo;
    })
  | (At & { type: 'focus'; target: TargetInfo })
  | (At & { type: 'blur'; target: TargetInfo })
  /** A change to a form field: `delete` and `replace` are corrections. Never the value. */
  | (At & { type: 'input'; target: TargetInfo; kind: 'insert' | 'delete' | 'replace' })
  /** The browser's constraint validation rejected a field (the `invalid` event) or aria-invalid became true. */
  | (At & { type: 'invalid'; target: TargetInfo })
  | (At & { type: 'submit'; target: TargetInfo })
  | (At & { type: 'selection'; length: number })
  | (At & { type: 'visibility'; hidden: boolean })
  /** A route change: path and hash only (the query string may hold personal data). */
  | (At & { type: 'nav'; path: string; kind: 'load' | 'push' | 'replace' | 'pop' | 'hash' })
  /** The DOM changed: `nodes` added or removed, `attributes` changed, since the last mutation event. */
  | (At & { type: 'mutation'; nodes: number; attributes: number })
  /** A JS error, or a failed request (status 0 for a network failure). */
  | (At & { type: 'error'; kind: 'js' | 'request'; status?: number })
  | (At & { type: 'resize'; w: number; h: number })
  /** The pointer entered or left an interactive element (hover dwell, for hesitation). */
  | (At & { type: 'hover'; phase: 'enter' | 'leave'; target: TargetInfo })
  /** The user arrived on an onboarding step; `estimateMs` is how long the flow expects it to take. */
  | (At & { type: 'step'; stepId: string; estimateMs?: number });

export type RawEventType = RawEvent['type'];
export type RawEventOf<T extends RawEventType> = Extract<RawEvent, { type: T }>;
