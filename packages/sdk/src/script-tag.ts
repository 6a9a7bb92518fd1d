/**
 * The script-tag build: `window.SmartOnboarding`. The copy-paste snippet (README) defines a stub that
 * records calls in `_q` until this file has loaded; here the real instance takes its place and replays
 * them, in order. Its siblings load from the same place only when needed: struggle detection
 * (`smart-onboarding.struggle.js`) after consent, the onboarding UI (`smart-onboarding.ui.js`) and the
 * widgets (`smart-onboarding.widgets.js`, or `widgetsUrl`) on the first thing to show.
 */
import type { SmartOnboardingApi } from './core/api';
import { createSmartOnboarding } from './core/client';
import type { CreateStruggleDetector } from './struggle/detector';
import type { CreateOnboardingUi, WidgetsApi } from './ui/types';

type Stub = { _q?: [string, unknown[]][] };
type Global = Window & {
  SmartOnboarding?: Stub | SmartOnboardingApi;
  __soStruggle?: CreateStruggleDetector;
  __soUi?: CreateOnboardingUi;
  SmartOnboardingWidgets?: WidgetsApi;
};
const w = window as Global;
const self = document.currentScript as HTMLScriptElement | null;
const base = (self?.src ?? '').replace(/[^/]*$/, '');

/** Loads a classic script once and resolves with the global it defines. */
const loadGlobal = <K extends '__soStruggle' | '__soUi' | 'SmartOnboardingWidgets'>(src: string, name: K) =>
  new Promise<NonNullable<Global[K]>>((resolve, reject) => {
    if (w[name]) return resolve(w[name]!);
    const s = document.createElement('script');
    s.async = true;
    s.src = src;
    s.onload = () => (w[name] ? resolve(w[name]!) : reject(new Error(`${src} did not register`)));
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(s);
  });

const stub = w.SmartOnboarding as Stub | undefined;
if (!stub || Array.isArray(stub._q)) {
  const instance = createSmartOnboarding({
    loadDetector: () => loadGlobal(`${base}smart-onboarding.struggle.js`, '__soStruggle'),
    loadUi: () => loadGlobal(`${base}smart-onboarding.ui.js`, '__soUi'),
    loadWidgets: (url) => loadGlobal(url ?? `${base}smart-onboarding.widgets.js`, 'SmartOnboardingWidgets'),
  });
  w.SmartOnboarding = instance;
  for (const [method, args] of stub?._q ?? []) {
    try {
      (instance as unknown as Record<string, (...a: unknown[]) => unknown>)[method]?.(...args);
    } catch {
      // a bad queued call must not stop the others
    }
  }
}
