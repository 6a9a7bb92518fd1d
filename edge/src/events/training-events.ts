import type { BehaviorEvent } from '@smart-onboarding/protocol';

/**
 * Whether an event belongs in the training export: a feature window, or an outcome that labels windows
 * weakly as `models/README.md` defines it (a step completed or abandoned, an intervention accepted,
 * helpful, dismissed or not helpful, a `track` event named `help_opened`). Everything else stays out, so
 * the export holds what training needs and no more.
 *
 * @example
 * events.filter(isTrainingEvent)
 */
export function isTrainingEvent(e: BehaviorEvent): boolean {
  switch (e.eventType) {
    case 'features':
      return true;
    case 'step':
      return e.action === 'completed' || e.action === 'abandoned';
    case 'intervention':
      return e.action !== 'shown';
    case 'track':
      return e.name === 'help_opened';
    default:
      return false;
  }
}

/** One event per line, the JSONL `trainFromExport` reads. */
export function toJsonl(events: readonly BehaviorEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}
