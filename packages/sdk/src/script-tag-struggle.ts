/** The script-tag build's struggle detection, registered for `smart-onboarding.js` to pick up. */
import { createStruggleDetector } from './struggle/index';

(window as Window & { __soStruggle?: typeof createStruggleDetector }).__soStruggle = createStruggleDetector;
