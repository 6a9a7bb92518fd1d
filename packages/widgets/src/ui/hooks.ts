import type { StepTarget } from '@smart-onboarding/protocol/v1';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Messages, resolveMessages } from '../core/messages';
import { watchLocation } from '../dom/watch-location';
import { watchTarget } from '../dom/watch-target';

/** The caller's messages over the defaults, recomputed only when the object changes. */
export function useMessages(overrides?: Partial<Messages>): Messages {
  return useMemo(() => resolveMessages(overrides), [overrides]);
}

/** A ref that always holds the latest value: callbacks read props through it without re-subscribing. */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}

/** Whether a media query matches, kept current (viewport width, colour scheme, reduced motion). */
export function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/** The current pathname, following SPA navigations. */
export function usePathname(): string {
  const [path, setPath] = useState(() => location.pathname);
  useEffect(() => watchLocation(window, setPath), []);
  return path;
}

/** The element a target points at, or null while it is absent (or `enabled` is false). */
export function useTargetElement(target: StepTarget | undefined, enabled = true): Element | null {
  const key = target && enabled ? JSON.stringify(target) : '';
  const [found, setFound] = useState<{ key: string; el: Element | null }>({ key, el: null });
  useEffect(() => {
    if (key) return watchTarget(target!, (el) => setFound({ key, el }));
  }, [key]);
  // The element found for the previous step must not show up, even for the one render before the
  // effect above catches up: the step would anchor to (and report) the wrong element.
  return found.key === key ? found.el : null;
}

/** Whether the user asked for less motion: no smooth scrolling then (CSS handles the animations). */
export function prefersReducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}
