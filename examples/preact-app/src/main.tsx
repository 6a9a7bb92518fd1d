import { render } from 'preact';
import { App } from './App';
import { startOnboarding } from './onboarding';

startOnboarding();
const root = document.getElementById('root');
if (root) render(<App />, root);
