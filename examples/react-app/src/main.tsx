import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startOnboarding } from './onboarding';

startOnboarding();
const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
