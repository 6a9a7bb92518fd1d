/**
 * Registers the custom elements as a side effect of importing this entry (the script-tag build does the
 * same). Import `defineElements` from the main entry instead to choose the moment yourself.
 *
 * @example
 * import '@smart-onboarding/widgets/elements';
 */
import { defineElements } from './define-elements';

defineElements();

export { defineElements };
