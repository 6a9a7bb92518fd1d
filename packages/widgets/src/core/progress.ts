/** Completion of a set of steps or items, as a fraction in [0, 1] and rounded percent. */
export function completion(done: number, total: number): { fraction: number; percent: number } {
  if (!(total > 0)) return { fraction: 0, percent: 0 };
  const fraction = Math.min(1, Math.max(0, done / total));
  return { fraction, percent: Math.round(fraction * 100) };
}

/**
 * Counts for a checklist: optional items count towards `done` when done, but never hold back completion,
 * because a user who skipped the optional ones has still finished onboarding.
 */
export function checklistCounts(items: ReadonlyArray<{ done?: boolean; optional?: boolean }>): {
  done: number;
  total: number;
  complete: boolean;
} {
  const done = items.filter((i) => i.done).length;
  const complete = items.length > 0 && items.every((i) => i.done || i.optional);
  return { done, total: items.length, complete };
}
