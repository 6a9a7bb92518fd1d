/**
 * The single file the script-tag SDK loads when it first has something to show: Preact, Floating UI and
 * every widget, with the custom elements registered on load. As an IIFE it sets
 * `window.SmartOnboardingWidgets`; as ESM it is a plain module for `import()`.
 *
 * @example
 * const widgets = await import('https://edge.example.com/widgets.js');
 * widgets.mountNudge({ plan });
 */
import { defineElements } from './define-elements';

export { defineElements } from './define-elements';
export { mountChecklist, mountHelpPanel, mountHint, mountNudge, mountProgress, mountTour } from './mount';
export { TRACK_EVENT } from './widgets/tour';
export const version = '0.1.0';

if (typeof customElements !== 'undefined') defineElements();
