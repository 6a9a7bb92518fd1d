/** The script-tag build's onboarding UI glue, registered for `smart-onboarding.js` to pick up on demand. */
import { createOnboardingUi } from './ui/onboarding-ui';

(window as Window & { __soUi?: typeof createOnboardingUi }).__soUi = createOnboardingUi;
