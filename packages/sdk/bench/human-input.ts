import { normal, seededRandom } from '@smart-onboarding/stats';

/** One 60 Hz frame of input: where the pointer is, and what the hand does at that moment. */
export interface Frame {
  x: number;
  y: number;
  /** A click here with the browser's click count (1, 2, 3: Chromium's counts on one spot, capped at 3). */
  click?: number;
  /** A wheel notch, in CSS pixels. */
  wheel?: number;
}

const HZ = 60;

/**
 * A person's pointer over `seconds`, frame by frame and the same for every seed: minimum-jerk strokes
 * from target to target (fast in the middle, slow at both ends, a little tremor), short rests, a click at
 * the end of most strokes, now and then a burst of four clicks on one spot (a dead button) and a few
 * wheel notches. Every variant of the bench replays the same frames, so their costs compare.
 *
 * @example
 * for (const f of humanInput(20, { w: 1200, h: 800 })) await move(f.x, f.y);
 */
export function humanInput(seconds: number, viewport: { w: number; h: number }, seed = 7): Frame[] {
  const rng = seededRandom(seed);
  const frames: Frame[] = [];
  const total = Math.round(seconds * HZ);
  let x = viewport.w / 2;
  let y = viewport.h / 2;
  // Clear of the nav at the top (a link there would navigate) and of the edges.
  const target = () => ({ x: 40 + rng() * (viewport.w - 80), y: 80 + rng() * (viewport.h - 120) });
  while (frames.length < total) {
    const to = target();
    const distance = Math.hypot(to.x - x, to.y - y);
    // Fitts-like: longer strokes take longer, 250 ms to a second.
    const n = Math.max(15, Math.min(60, Math.round((250 + distance * 0.6) / (1000 / HZ))));
    for (let i = 1; i <= n; i++) {
      const s = i / n;
      const k = 10 * s ** 3 - 15 * s ** 4 + 6 * s ** 5;
      frames.push({ x: x + (to.x - x) * k + normal(rng) * 0.6, y: y + (to.y - y) * k + normal(rng) * 0.6 });
    }
    x = to.x;
    y = to.y;
    const r = rng();
    if (r < 0.12) {
      // A dead control: four clicks about 150 ms apart, counted 1, 2, 3, 3 as Chromium does.
      for (const count of [1, 2, 3, 3]) {
        frames.push({ x, y, click: count });
        for (let i = 0; i < 8; i++) frames.push({ x: x + normal(rng) * 0.4, y: y + normal(rng) * 0.4 });
      }
    } else if (r < 0.55) {
      frames.push({ x, y, click: 1 });
    } else if (r < 0.75) {
      const notches = 1 + Math.floor(rng() * 4);
      const dir = rng() < 0.5 ? -1 : 1;
      for (let i = 0; i < notches; i++) {
        frames.push({ x, y, wheel: dir * 100 });
        for (let j = 0; j < 5; j++) frames.push({ x, y });
      }
    }
    // A rest before the next stroke: the hand is still, the pointer trembles.
    const rest = Math.round(rng() * 20);
    for (let i = 0; i < rest; i++) frames.push({ x: x + normal(rng) * 0.3, y: y + normal(rng) * 0.3 });
  }
  return frames.slice(0, total);
}
