/**
 * A seeded random stream (sfc32, seeded through splitmix32) with the draws a simulation needs and
 * independent forks: the model pipeline's simulator and training draw every random number from one of
 * these, so a seed reproduces a run bit for bit on any machine. (Decisions that need only uniform numbers
 * take the smaller `Random` of `./random`.)
 */
export interface RandomStream {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** Standard normal (Box-Muller), times `sd`, plus `mean`. */
  normal(mean?: number, sd?: number): number;
  /** Log-normal with the given median and spread (sd of the log). */
  logNormal(median: number, spread: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A new independent stream derived from this one and a label. */
  fork(label: string): RandomStream;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * @example
 * const rng = createRandom(42);
 * rng.normal(0, 1);
 * const sub = rng.fork('persona-3'); // same seed and label, same stream
 */
export function createRandom(seed: number): RandomStream {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const u32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  let spare: number | undefined;
  const rng: RandomStream = {
    next: () => u32() / 4294967296,
    uniform: (min, max) => min + (max - min) * rng.next(),
    int: (min, max) => min + Math.floor(rng.next() * (max - min + 1)),
    normal(mean = 0, sd = 1) {
      if (spare !== undefined) {
        const z = spare;
        spare = undefined;
        return mean + sd * z;
      }
      let u = 0;
      while (u === 0) u = rng.next();
      const v = rng.next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return mean + sd * r * Math.cos(2 * Math.PI * v);
    },
    logNormal: (median, spread) => median * Math.exp(rng.normal(0, spread)),
    chance: (p) => rng.next() < p,
    pick: (items) => items[Math.floor(rng.next() * items.length)]!,
    fork: (label) => createRandom((u32() ^ hashLabel(label)) >>> 0),
  };
  return rng;
}
