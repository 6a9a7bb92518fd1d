/** @jsxImportSource preact */
import { type ComponentChildren, render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { applyHostState, createLayerHost, openShadow, type Theme } from './shadow-host';

/**
 * Renders its children into a shadow root: an inline host where the component stands (`layer` false),
 * or a host appended to `<body>` for floating widgets. This is how the Preact components keep their
 * styles to themselves inside an app's tree.
 */
export function ShadowIsland({
  layer,
  theme,
  children,
}: {
  layer: boolean;
  theme?: Theme | undefined;
  children: ComponentChildren;
}) {
  const inline = useRef<HTMLDivElement>(null);
  const floating = useRef<ReturnType<typeof createLayerHost> | null>(null);
  useLayoutEffect(() => {
    let host: HTMLElement;
    let root: ShadowRoot;
    if (layer) {
      floating.current ??= createLayerHost();
      ({ host, root } = floating.current);
    } else {
      host = inline.current!;
      root = openShadow(host);
    }
    applyHostState(host, theme, layer);
    render(children, root);
  });
  useLayoutEffect(
    () => () => {
      const root = layer ? floating.current?.root : inline.current?.shadowRoot;
      if (root) render(null, root);
      floating.current?.remove();
      floating.current = null;
    },
    [layer],
  );
  return layer ? null : <div ref={inline} data-so-widget="" />;
}
