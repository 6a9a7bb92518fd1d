import { DEMO_PUBLISHABLE_KEY, demoEdge } from '@smart-onboarding/example-shared';
import { SmartOnboarding } from '@smart-onboarding/sdk';
import { render } from 'preact';
import { App } from './App';

// `widgets: false`: the SDK captures, scores struggle and talks to the edge, and draws nothing itself;
// the app renders the widgets from the SDK's events and reports with `track` and `setStep`.
SmartOnboarding.init({ publishableKey: DEMO_PUBLISHABLE_KEY, endpoint: demoEdge(), widgets: false });
const root = document.getElementById('root');
if (root) render(<App />, root);
