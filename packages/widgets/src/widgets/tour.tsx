/** @jsxImportSource preact */
import type { Placement } from '@floating-ui/dom';
import type { OnboardingStep } from '@smart-onboarding/protocol/v1';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { format } from '../core/messages';
import { matchRoute } from '../core/route-match';
import {
  canAdvanceManually,
  resolveStartIndex,
  type StepChangeReason,
  type TourAction,
  type TourState,
  tourTransition,
} from '../core/tour-machine';
import { anchorTo } from '../dom/anchor';
import { bringIntoView, coveredTop } from '../dom/bring-into-view';
import { cycleFocus, focusIsWithin, isEditing, isTabbable, rememberFocus, tabbables } from '../dom/focus';
import { isValidSelector } from '../dom/resolve-target';
import {
  prefersReducedMotion,
  useLatest,
  useMedia,
  useMessages,
  usePathname,
  useTargetElement,
} from '../ui/hooks';
import { CLOSE, Icon } from '../ui/icons';
import { LiveRegion } from '../ui/live-region';
import { ShadowIsland } from '../ui/shadow-island';
import type { WidgetBaseProps } from './base';

/**
 * A tour step: the protocol's `OnboardingStep`, of which only `id` and `title` are required here. When
 * the optimizer picked one of its `variants` (`next_step.variantId`), pass that id as `variantId` and the
 * variant's title and body are shown.
 */
export type TourStep = Pick<OnboardingStep, 'id' | 'title'> &
  Partial<Pick<OnboardingStep, 'body' | 'target' | 'goal' | 'optional' | 'variants'>> & {
    variantId?: string;
  };

export interface TourStepEvent {
  step: TourStep;
  index: number;
}

/** The name of the window event that completes steps whose goal is `{ kind: 'event' }`. */
export const TRACK_EVENT = 'smart-onboarding:track';

/** Imperative control of a running tour, handed out through `control`. */
export interface TourControl {
  next(): void;
  back(): void;
  goTo(indexOrId: number | string): void;
  dismiss(): void;
}

export interface TourProps extends WidgetBaseProps {
  steps: readonly TourStep[];
  /** Index or id of the first step (a resumed journey starts where it left off). */
  startAt?: number | string;
  /** Dim the page around the target (default true). The page stays clickable either way. */
  backdrop?: boolean;
  /** Preferred side of the target for the popover (default `bottom`); it flips when there is no room. */
  placement?: Placement;
  /** How long to wait for a step's target before saying so (default 8000 ms). The tour never skips it. */
  targetTimeoutMs?: number;
  /** Extra space kept clear at the top when scrolling to a target, on top of detected sticky headers. */
  offsetTop?: number;
  /** Viewports this wide or narrower show steps as a bottom sheet (default 560 px). */
  sheetBreakpoint?: number;
  /**
   * Where these steps sit in a longer journey, when the tour shows part of it (the SDK shows the one step
   * the edge chose): the first step's number and the journey's length, so the card says "Step 3 of 5"
   * as the progress bar does, not "Step 1 of 1".
   */
  numbering?: { first: number; total: number };
  /** Receives the controls once the tour is mounted. */
  control?: (control: TourControl) => void;
  /** A step is on screen (after its route and target were found, or the wait timed out). */
  onShown?: (e: TourStepEvent) => void;
  onStepChange?: (e: TourStepEvent & { from: number; reason: StepChangeReason }) => void;
  onComplete?: (e: { stepCount: number }) => void;
  onDismiss?: (e: TourStepEvent) => void;
  /** A step's target did not appear in time (`timeout`) or its selector is invalid. */
  onTargetMissing?: (e: TourStepEvent & { reason: 'timeout' | 'invalid_selector' }) => void;
}

/**
 * The tour's content, rendered inside a shadow root that someone else provides (the `Tour` component,
 * the custom element or `mountTour`).
 */
export function TourView(props: TourProps) {
  const {
    steps,
    backdrop = true,
    placement = 'bottom',
    targetTimeoutMs = 8000,
    sheetBreakpoint = 560,
  } = props;
  const m = useMessages(props.messages);
  const latest = useLatest(props);
  const state = useRef<TourState>({ index: resolveStartIndex(steps, props.startAt), status: 'active' });
  const [, rerender] = useState(0);
  const [shown, setShown] = useState(-1);
  const [missing, setMissing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const popover = useRef<HTMLDivElement>(null);
  const spotlight = useRef<HTMLDivElement>(null);
  const restoreFocus = useRef<(() => void) | null>(null);
  /** The card that took focus: focus goes back only if it is still there (never out of a field the user moved to). */
  const focused = useRef<HTMLElement | null>(null);
  const giveFocusBack = () => {
    if (restoreFocus.current && focusIsWithin(focused.current)) restoreFocus.current();
    restoreFocus.current = null;
    focused.current = null;
  };

  const { index, status } = state.current;
  const step = steps[index];
  const active = status === 'active' && !!step;
  const text = step?.variants?.find((v) => v.id === step.variantId) ?? step;

  const dispatch = (action: TourAction) => {
    const out = tourTransition(state.current, action, steps.length);
    if (out.state === state.current) return;
    state.current = out.state;
    rerender((n) => n + 1);
    const p = latest.current;
    for (const e of out.events) {
      if (e.type === 'stepChange')
        p.onStepChange?.({ step: steps[e.to]!, index: e.to, from: e.from, reason: e.reason });
      else if (e.type === 'complete') p.onComplete?.({ stepCount: steps.length });
      else p.onDismiss?.({ step: steps[e.index]!, index: e.index });
    }
  };
  const dispatchRef = useLatest(dispatch);

  useEffect(() => {
    latest.current.control?.({
      next: () => dispatchRef.current({ type: 'next' }),
      back: () => dispatchRef.current({ type: 'back' }),
      dismiss: () => dispatchRef.current({ type: 'dismiss' }),
      goTo: (to) =>
        dispatchRef.current({
          type: 'goto',
          index: typeof to === 'number' ? to : steps.findIndex((s) => s.id === to),
        }),
    });
  }, [steps]);

  const path = usePathname();
  const route = step?.target?.route;
  const routeReady = !route || matchRoute(route, path);
  const invalid = !!step?.target && !isValidSelector(step.target.selector);
  const element = useTargetElement(active && !invalid ? step.target : undefined, routeReady);
  const narrow = useMedia(`(max-width: ${sheetBreakpoint}px)`);
  const needsTarget = !!step?.target;
  const visible = active && routeReady && (!needsTarget || !!element || missing);
  // A step on another page is not hidden: the card says where it is, with a link there (a start URL
  // that is not the step's route, an optional step on a page the app does not go to by itself).
  const offRoute = active && !routeReady && !!route && isPlainPath(route);
  const mode = offRoute
    ? 'elsewhere'
    : !visible
      ? 'hidden'
      : element
        ? narrow
          ? 'sheet'
          : 'anchored'
        : 'center';
  const numbering = props.numbering ?? { first: 1, total: steps.length };
  const stepLabel = format(m.stepOf, { current: numbering.first + index, total: numbering.total });

  // A step whose target does not show up in time is said so, loudly, and shown without its anchor:
  // the user is never stranded, and the step is never skipped silently.
  useEffect(() => {
    setMissing(false);
    if (!active || !needsTarget || !routeReady) return;
    if (invalid) {
      setMissing(true);
      latest.current.onTargetMissing?.({ step: step!, index, reason: 'invalid_selector' });
      return;
    }
    if (element) return;
    const timer = setTimeout(() => {
      setMissing(true);
      latest.current.onTargetMissing?.({ step: step!, index, reason: 'timeout' });
    }, targetTimeoutMs);
    return () => clearTimeout(timer);
  }, [active, index, routeReady, !!element, invalid]);

  // Shown: once per visit of a step, when it is really on screen.
  useEffect(() => {
    if (mode === 'hidden' || shown === index) return;
    setShown(index);
    setAnnouncement(`${stepLabel}: ${text!.title}`);
    latest.current.onShown?.({ step: step!, index });
  }, [mode, index]);

  // Give focus back as the step goes away (a layout effect, so it never rests on <body> in between).
  useLayoutEffect(() => {
    if (status === 'active') return;
    // "Tour complete" only when the journey's last step is done: a card that is one step of a longer
    // journey says that step is done, and the next card follows.
    if (status === 'completed')
      setAnnouncement(
        numbering.first + steps.length - 1 >= numbering.total
          ? m.tourComplete
          : format(m.stepDone, { current: numbering.first + steps.length - 1, total: numbering.total }),
      );
    giveFocusBack();
  }, [status]);
  useEffect(() => giveFocusBack, []);

  // Anchor the popover and spotlight, bring the target into view, and move focus into the step, unless
  // the user is in a form field: focus there is theirs, and taking it would swallow what they type.
  useLayoutEffect(() => {
    if (mode === 'hidden' || mode === 'elsewhere') return;
    let stop: (() => void) | undefined;
    if (element && mode !== 'center') {
      const topInset = coveredTop() + (props.offsetTop ?? 0);
      stop = anchorTo({
        target: element,
        floating: mode === 'anchored' ? popover.current : null,
        spotlight: spotlight.current,
        placement,
        topInset,
      });
      const bottomInset = mode === 'sheet' ? popover.current!.offsetHeight : 0;
      bringIntoView(element, { topInset, bottomInset, smooth: !prefersReducedMotion() });
    }
    if (popover.current && !isEditing()) {
      restoreFocus.current ??= rememberFocus();
      focused.current = popover.current;
      popover.current.focus({ preventScroll: true });
    }
    return stop;
  }, [element, mode, index]);

  // Goals: the real click on the target, a route, or an app event.
  const goal = step?.goal;
  useLayoutEffect(() => {
    if (!active || !goal || goal.kind === 'manual') return;
    const done = () => setTimeout(() => dispatchRef.current({ type: 'goal', index }), 0);
    if (goal.kind === 'navigate') {
      if (matchRoute(goal.route, path)) done();
      return;
    }
    if (goal.kind === 'event') {
      const onTrack = (e: Event) => {
        if ((e as CustomEvent<{ name?: string }>).detail?.name === goal.event) done();
      };
      addEventListener(TRACK_EVENT, onTrack);
      return () => removeEventListener(TRACK_EVENT, onTrack);
    }
    if (!element) return;
    const doc = element.ownerDocument;
    const onClick = (e: Event) => {
      const hit = e
        .composedPath()
        .some((n) => n === element || (!!goal.selector && !!(n as Element).matches?.(goal.selector)));
      if (hit) done();
    };
    doc.addEventListener('click', onClick, true);
    return () => doc.removeEventListener('click', onClick, true);
  }, [active, index, element, goal, path]);

  // Keyboard: Esc leaves, arrows move, Tab cycles between the step's controls and its target. One
  // listener for the tour's life, reading the current step through a ref: re-subscribing per step
  // would leave a gap in which a fast key press meets the previous step's handler.
  const manual = !!step && canAdvanceManually(step);
  const onKey = useLatest((e: KeyboardEvent) => {
    if (mode === 'hidden' || mode === 'elsewhere') return;
    const where = e.composedPath();
    const inPopover = !!popover.current && where.includes(popover.current);
    if (!inPopover && !(element && where.includes(element))) return;
    const act = (action: TourAction) => {
      e.preventDefault();
      dispatch(action);
    };
    if (e.key === 'Escape') act({ type: 'dismiss' });
    else if (e.key === 'Tab') {
      e.preventDefault();
      const order = tabbables(popover.current!);
      if (element && element.ownerDocument === document && isTabbable(element)) order.push(element);
      cycleFocus(order, e.shiftKey);
    } else if (inPopover && e.key === 'ArrowRight' && manual) act({ type: 'next' });
    else if (inPopover && e.key === 'ArrowLeft') act({ type: 'back' });
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    document.addEventListener('keydown', listener, true);
    return () => document.removeEventListener('keydown', listener, true);
  }, []);

  const live = <LiveRegion text={announcement} />;
  if (mode === 'hidden') return <>{live}</>;
  const last = index === steps.length - 1;
  const elsewhere = mode === 'elsewhere';
  const cls =
    mode === 'anchored' ? 'pop' : mode === 'sheet' ? 'sheet' : elsewhere ? 'corner start' : 'center';
  return (
    <>
      {live}
      {mode === 'center' && backdrop && <div class="scrim" />}
      {element && mode !== 'center' && <div ref={spotlight} class={backdrop ? 'spot dim' : 'spot'} />}
      <div
        ref={popover}
        class={`card ${cls}`}
        role="dialog"
        aria-labelledby="so-tour-title"
        aria-describedby="so-tour-body"
        tabIndex={-1}
      >
        <div class="head">
          <span class="eyebrow grow">{stepLabel}</span>
          <button class="x" aria-label={m.close} onClick={() => dispatch({ type: 'dismiss' })}>
            <Icon d={CLOSE} />
          </button>
        </div>
        <h2 id="so-tour-title" class="title">
          {text!.title}
        </h2>
        <p id="so-tour-body" class="body">
          {text!.body}
        </p>
        {missing && <p class="note">{m.targetMissing}</p>}
        {!manual && goal?.kind === 'click' && element && <p class="note">{m.clickToContinue}</p>}
        <div class="actions">
          {elsewhere && (
            <a class="btn primary" href={route}>
              {m.goThere}
            </a>
          )}
          {index > 0 && (
            <button class="btn" onClick={() => dispatch({ type: 'back' })}>
              {m.back}
            </button>
          )}
          {manual && (
            <button class="btn primary" onClick={() => dispatch({ type: 'next' })}>
              {last ? m.done : m.next}
            </button>
          )}
        </div>
      </div>
    </>
  );
}

/** A route the card can link to: a path without `:params` or a `*` rest, which only a router can fill in. */
function isPlainPath(route: string): boolean {
  return route.startsWith('/') && !/[:*]/.test(route);
}

/**
 * A guided tour whose steps point at elements of the page. It waits for targets that render late and
 * for the route a step lives on, follows targets that move, clears sticky headers, shows a bottom sheet
 * on small screens, and advances when the user does the real thing (clicks the target, reaches a route,
 * or the app reports an event).
 *
 * @example
 * <Tour
 *   steps={[
 *     { id: 'connect', title: 'Connect an account', target: { selector: '#connect' }, goal: { kind: 'click' } },
 *     { id: 'goals', title: 'Set your goals', target: { selector: '#goals', route: '/goals' } },
 *   ]}
 *   onComplete={() => console.log('done')}
 * />
 */
export function Tour(props: TourProps) {
  return (
    <ShadowIsland layer theme={props.theme}>
      <TourView {...props} />
    </ShadowIsland>
  );
}
