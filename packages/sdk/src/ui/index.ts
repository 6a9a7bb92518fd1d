/** The SDK's onboarding UI: widgets mounted from what the edge pushes. Loaded only when there is something to show. */
export { createOnboardingUi } from './onboarding-ui';
