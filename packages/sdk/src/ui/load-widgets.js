// The ESM build's widgets: a dynamic import the app's bundler splits into its own chunk. Plain JS (typed by
// load-widgets.d.ts) so the SDK's type check does not compile the widgets' Preact sources.
export const loadWidgetsModule = (url) =>
  url ? import(/* @vite-ignore */ url) : import('@smart-onboarding/widgets');
