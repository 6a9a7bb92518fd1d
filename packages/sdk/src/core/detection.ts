import type { Signal } from '@smart-onboarding/protocol';
import type { RawEvent } from '../capture/raw-event';
import { detectSignals } from '../signals/index';

/** Raw events older than this are let go: every signal's window is far shorter. */
const KEEP_MS = 30_000;

/**
 * Runs the pure detectors over a sliding buffer of raw events and returns only signals not seen before
 * (each detector re-reads the whole buffer, so the same rage burst is found on every run).
 */
export function createSignalLoop() {
  let buffer: RawEvent[] = [];
  const seen = new Map<string, number>();
  return {
    add(e: RawEvent) {
      buffer.push(e);
    },
    /** New signals as of `now` (capture clock). */
    run(now: number): Signal[] {
      const from = now - KEEP_MS;
      if (buffer.length && buffer[0]!.t < from)
        buffer = buffer.filter((e) => e.t >= from || e.type === 'step');
      const fresh: Signal[] = [];
      for (const s of detectSignals(buffer, { now })) {
        const key = `${s.type}|${s.t}|${s.element?.selector ?? ''}`;
        if (seen.has(key)) continue;
        seen.set(key, s.t);
        fresh.push(s);
      }
      for (const [key, t] of seen) if (t < from - KEEP_MS) seen.delete(key);
      return fresh;
    },
    /** The latest event time, to skip runs when nothing happens. */
    lastAt: () => buffer.at(-1)?.t ?? -Infinity,
    clear() {
      buffer = [];
      seen.clear();
    },
  };
}
