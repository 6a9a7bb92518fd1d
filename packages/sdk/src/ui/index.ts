/** The SDK's onboarding UI: widgets mounted from what the edge pushes. Loaded only when there is something to show. */
export { type HelpEndpoint, requestHelp } from './help-request';
export { applyHelp, type HelpView } from './help-stream';
export { createOnboardingUi } from './onboarding-ui';
export { parseSse } from './sse';
export type {
  CreateOnboardingUi,
  HelpChunk,
  OnboardingUi,
  OnboardingUiHost,
  WidgetHandle,
  WidgetsApi,
} from './types';
