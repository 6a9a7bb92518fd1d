/** Whether the user agreed to be observed. Nothing is captured or sent unless it is `granted`. */
export type ConsentState = 'granted' | 'pending' | 'denied';

export interface PrivacySignals {
  /** `navigator.doNotTrack`: '1' when the user asked not to be tracked. */
  doNotTrack?: string | null;
  /** `navigator.globalPrivacyControl`: true when the user opted out of sale and sharing. */
  globalPrivacyControl?: boolean;
}

/**
 * The consent that applies: the customer's state, turned to `denied` when the browser says Do Not Track
 * or Global Privacy Control, unless the customer has chosen not to honour those (`honorBrowserSignals`).
 *
 * @example
 * effectiveConsent('granted', { globalPrivacyControl: true }); // 'denied'
 */
export function effectiveConsent(
  requested: ConsentState,
  browser: PrivacySignals,
  honorBrowserSignals = true,
): ConsentState {
  if (requested !== 'granted') return requested;
  if (honorBrowserSignals && (browser.doNotTrack === '1' || browser.globalPrivacyControl === true))
    return 'denied';
  return 'granted';
}

/** What this browser says about tracking (Do Not Track, Global Privacy Control). */
export function browserPrivacySignals(): PrivacySignals {
  const nav = globalThis.navigator as (Navigator & { globalPrivacyControl?: boolean }) | undefined;
  return { doNotTrack: nav?.doNotTrack, globalPrivacyControl: nav?.globalPrivacyControl };
}
