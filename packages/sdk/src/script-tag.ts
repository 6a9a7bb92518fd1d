/**
 * The script-tag build: `window.SmartOnboarding`. The copy-paste snippet (README) defines a stub that
 * records calls in `_q` until this file has loaded; here the real instance takes its place and replays
 * them, in order. Struggle detection is its sibling file `smart-onboarding.struggle.js`, loaded from the
 * same place after consent (`script-tag-struggle.ts`).
 */
import { createSmartOnboarding, type SmartOnboardingApi } from './core/client';
import type { CreateStruggleDetector } from './struggle/detector';

type Stub = { _q?: [string, unknown[]][] };
type Global = Window & { SmartOnboarding?: Stub | SmartOnboardingApi; __soStruggle?: CreateStruggleDetector };
const w = window as Global;
const self = document.currentScript as HTMLScriptElement | null;
const base = (self?.src ?? '').replace(/[^/]*$/, '');

const loadDetector = () =>
  new Promise<CreateStruggleDetector>((resolve, reject) => {
    if (w.__soStruggle) return resolve(w.__soStruggle);
    const s = document.createElement('script');
    s.async = true;
    s.src = `${base}smart-onboarding.struggle.js`;
    s.onload = () =>
      w.__soStruggle ? resolve(w.__soStruggle) : reject(new Error('struggle file did not register'));
    s.onerror = () => reject(new Error(`could not load ${s.src}`));
    document.head.appendChild(s);
  });

const stub = w.SmartOnboarding as Stub | undefined;
if (!stub || Array.isArray(stub._q)) {
  const instance = createSmartOnboarding({ loadDetector });
  w.SmartOnboarding = instance;
  for (const [method, args] of stub?._q ?? []) {
    try {
      (instance as unknown as Record<string, (...a: unknown[]) => unknown>)[method]?.(...args);
    } catch {
      // a bad queued call must not stop the others
    }
  }
}
