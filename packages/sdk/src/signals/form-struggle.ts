import type { TargetInfo } from '../capture/raw-event';
import { batchOf, makeSignal, type SignalStepper } from './shared';

export const FORM_STRUGGLE = {
  /** Corrections (a run of deletions or a replacement) in one field. */
  corrections: 3,
  /** Coming back to the same field this many times. */
  refocuses: 3,
  /** The browser (or aria-invalid) rejecting the field this many times. */
  invalids: 2,
  /** Or a mix: corrections + refocuses + 2 × invalids reaching this. */
  mixed: 4,
};

interface FieldState {
  target: TargetInfo;
  corrections: number;
  focuses: number;
  invalids: number;
  lastInput?: 'insert' | 'delete' | 'replace';
  fired: boolean;
}

/** The rule as a stepper (see `detectFormStruggle`). */
export function formStruggleStepper(): SignalStepper {
  const fields = new Map<string, FieldState>();
  const field = (target: TargetInfo) => {
    let state = fields.get(target.selector);
    if (!state) {
      state = { target, corrections: 0, focuses: 0, invalids: 0, fired: false };
      fields.set(target.selector, state);
    }
    return state;
  };
  return {
    add(e, signals) {
      let state: FieldState;
      if (e.type === 'input') {
        state = field(e.target);
        const correcting = e.kind !== 'insert';
        // A run of backspaces is one correction, not one per character.
        if (correcting && (e.kind === 'replace' || state.lastInput !== 'delete')) state.corrections++;
        state.lastInput = e.kind;
      } else if (e.type === 'focus' && isField(e.target)) {
        state = field(e.target);
        state.focuses++;
        state.lastInput = undefined;
      } else if (e.type === 'invalid') {
        state = field(e.target);
        state.invalids++;
      } else return;
      if (state.fired) return;
      const refocuses = Math.max(0, state.focuses - 1);
      const crossed =
        state.corrections >= FORM_STRUGGLE.corrections ||
        refocuses >= FORM_STRUGGLE.refocuses ||
        state.invalids >= FORM_STRUGGLE.invalids ||
        state.corrections + refocuses + 2 * state.invalids >= FORM_STRUGGLE.mixed;
      if (!crossed) return;
      state.fired = true;
      signals.push(
        makeSignal('form_struggle', e.t, state.target, {
          corrections: state.corrections,
          refocuses,
          invalids: state.invalids,
        }),
      );
    },
  };
}

/**
 * Form struggle: one field that fights back: repeated corrections, the user leaving and coming back to
 * it, or validation errors. Counted per field (by selector); fires once per field, at the event that
 * crossed a threshold, with the counts as evidence. Never a value: input events carry only their kind.
 *
 * @example
 * detectFormStruggle(events);
 */
export const detectFormStruggle = batchOf(formStruggleStepper);

function isField(target: TargetInfo): boolean {
  return target.kind === 'text-input' || target.kind === 'select' || target.kind === 'input';
}
