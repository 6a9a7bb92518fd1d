import { describe, expect, it } from 'vitest';
import { type ConsentState, effectiveConsent, type PrivacySignals } from './consent';

const cases: [ConsentState, PrivacySignals, boolean, ConsentState][] = [
  ['granted', {}, true, 'granted'],
  ['pending', {}, true, 'pending'],
  ['denied', {}, true, 'denied'],
  ['granted', { doNotTrack: '1' }, true, 'denied'],
  ['granted', { doNotTrack: '0' }, true, 'granted'],
  ['granted', { doNotTrack: null }, true, 'granted'],
  ['granted', { globalPrivacyControl: true }, true, 'denied'],
  ['granted', { globalPrivacyControl: false }, true, 'granted'],
  ['granted', { doNotTrack: '1', globalPrivacyControl: true }, false, 'granted'],
  ['pending', { globalPrivacyControl: true }, false, 'pending'],
];

describe('effectiveConsent', () => {
  it.each(cases)('%s with %o (honour: %s) is %s', (requested, browser, honour, expected) => {
    expect(effectiveConsent(requested, browser, honour)).toBe(expected);
  });
});
