import { useEffect, useState } from 'preact/hooks';

/**
 * Whether a media query matches, following changes (rotation, resizing). The listener is removed on
 * unmount.
 *
 * @example
 * const narrow = useMediaQuery(NARROW_SCREEN);
 */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/** Phones: where the widgets switch to bottom sheets, the checklist goes into the page instead. */
export const NARROW_SCREEN = '(max-width: 560px)';
