import { useEffect, useRef, useState } from 'preact/hooks';
import type { FunnelLine } from './funnel-plot';

/**
 * The funnel as a chart, hidden from assistive technology: the table under it carries the same numbers.
 * The chart library arrives as its own chunk on first use; if it cannot load, the table is still there.
 */
export function FunnelChart({ steps, lines }: { steps: readonly string[]; lines: readonly FunnelLine[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');
  const key = JSON.stringify([steps, lines]);
  useEffect(() => {
    let live = true;
    let teardown = () => {};
    const dark = matchMedia('(prefers-color-scheme: dark)');
    const draw = () =>
      import('./funnel-plot').then(
        ({ drawFunnel }) => {
          const el = box.current;
          if (!live || !el) return;
          teardown();
          teardown = drawFunnel(el, steps, lines, Math.max(el.clientWidth, 320));
          setState('drawn');
        },
        () => live && setState('failed'),
      );
    draw();
    // The canvas takes its colours when drawn: draw again when the page turns light or dark.
    dark.addEventListener('change', draw);
    return () => {
      live = false;
      dark.removeEventListener('change', draw);
      teardown();
    };
  }, [key]);
  return (
    <figure class="chart" data-state={state}>
      <div ref={box} class="plot" aria-hidden="true" />
      <figcaption class="hint">
        {state === 'failed'
          ? 'The chart could not load; the table below has every number.'
          : 'Share of started journeys that completed each step. The table below has the same numbers.'}
      </figcaption>
    </figure>
  );
}
