/** What the framework examples share: the demo's edge and key, and the app's own saved state. */
export { DEMO_PUBLISHABLE_KEY, demoEdge } from './demo';
export { loadState, saveState } from './saved-state';
