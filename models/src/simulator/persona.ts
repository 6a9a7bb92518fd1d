/**
 * Personas of the simulator: who is using the product, with what, how fast, on what screen. The model is
 * evaluated on personas it never saw in training, and broken down per persona and device (the seed's
 * bias detection), so every combination is named and enumerable.
 */
type Expertise = 'novice' | 'expert';
/** `keyboard` is keyboard-first: tab and enter, the pointer only now and then. */
export type Device = 'mouse' | 'touchpad' | 'touch' | 'keyboard';
type Speed = 'fast' | 'slow';
type Screen = 'small' | 'large';

export interface Persona {
  id: string;
  expertise: Expertise;
  device: Device;
  speed: Speed;
  screen: Screen;
}

const EXPERTISE: readonly Expertise[] = ['novice', 'expert'];
export const DEVICES: readonly Device[] = ['mouse', 'touchpad', 'touch', 'keyboard'];
const SPEEDS: readonly Speed[] = ['fast', 'slow'];
const SCREENS: readonly Screen[] = ['small', 'large'];

/** All 32 personas, in a fixed order. */
export const PERSONAS: readonly Persona[] = EXPERTISE.flatMap((expertise) =>
  DEVICES.flatMap((device) =>
    SPEEDS.flatMap((speed) =>
      SCREENS.map((screen) => ({
        id: `${expertise}-${device}-${speed}-${screen}`,
        expertise,
        device,
        speed,
        screen,
      })),
    ),
  ),
);

/**
 * Personas held out of training: two per device, mixing the other traits, so the held-out score says how
 * the model does on people unlike anyone it learned from.
 */
export const HELD_OUT_PERSONA_IDS: readonly string[] = [
  'novice-mouse-slow-large',
  'expert-mouse-fast-small',
  'novice-touchpad-fast-small',
  'expert-touchpad-slow-large',
  'novice-touch-slow-small',
  'expert-touch-fast-large',
  'novice-keyboard-fast-large',
  'expert-keyboard-slow-small',
];

/** Motor and behaviour parameters derived from a persona, then jittered per simulated user. */
export interface MotorProfile {
  /** Fitts' law: movement time = a + b * log2(D / W + 1), in ms. */
  fittsA: number;
  fittsB: number;
  /** Pointer samples per second while moving. */
  sampleHz: number;
  /** Endpoint scatter of the primary sub-movement, as a fraction of the distance. */
  endpointError: number;
  /** Tremor noise on every sample, px (sd). */
  tremorPx: number;
  /** Median think time before an action, ms. */
  thinkMs: number;
  /** Median time between key presses, ms. */
  keyMs: number;
  /** Chance of a typo per character (then deleted and retyped). */
  typoRate: number;
  /** Reading speed factor (1 = average). */
  readFactor: number;
  viewport: { w: number; h: number };
}

export function motorProfile(p: Persona): MotorProfile {
  const expert = p.expertise === 'expert';
  const fast = p.speed === 'fast';
  const speed = (fast ? 0.8 : 1.3) * (expert ? 0.9 : 1.1);
  const device = {
    mouse: { a: 80, b: 140, hz: 60, err: 0.06, tremor: 0.6 },
    touchpad: { a: 120, b: 230, hz: 60, err: 0.09, tremor: 1.0 },
    touch: { a: 150, b: 110, hz: 0, err: 0.05, tremor: 0 },
    keyboard: { a: 90, b: 150, hz: 60, err: 0.06, tremor: 0.6 },
  }[p.device];
  const small = p.screen === 'small';
  return {
    fittsA: device.a * speed,
    fittsB: device.b * speed,
    sampleHz: device.hz,
    endpointError: device.err * (expert ? 0.8 : 1.2),
    tremorPx: device.tremor * (expert ? 0.8 : 1.3),
    thinkMs: (expert ? 450 : 1100) * (fast ? 0.75 : 1.35),
    keyMs: (expert ? 140 : 260) * (fast ? 0.8 : 1.25),
    typoRate: expert ? 0.02 : 0.06,
    readFactor: fast ? 0.8 : 1.3,
    viewport:
      p.device === 'touch'
        ? small
          ? { w: 390, h: 844 }
          : { w: 820, h: 1180 }
        : small
          ? { w: 1280, h: 720 }
          : { w: 1920, h: 1080 },
  };
}
