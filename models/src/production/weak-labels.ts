import { BehaviorEvent } from '@smart-onboarding/protocol';
import { jsonLines } from '../jsonl';

/** How long before an outcome a window still counts as leading to it. */
const WEAK_LABEL_HORIZON_MS = 30_000;

/** Outcomes that say the user was stuck (weak positives) or was fine (weak negatives). */
function outcomeOf(e: BehaviorEvent): 'stuck' | 'fine' | undefined {
  if (e.eventType === 'step')
    return e.action === 'abandoned' ? 'stuck' : e.action === 'completed' ? 'fine' : undefined;
  if (e.eventType === 'intervention')
    return e.action === 'accepted' || e.action === 'helpful'
      ? 'stuck'
      : e.action === 'dismissed' || e.action === 'not_helpful'
        ? 'fine'
        : undefined;
  if (e.eventType === 'track' && e.name === 'help_opened') return 'stuck';
  return undefined;
}

interface WeakWindow {
  sessionId: string;
  t1: number;
  values: number[];
  label: 0 | 1;
}

export class ExportError extends Error {
  constructor(
    readonly code: 'export_bad_line' | 'export_schema_mismatch' | 'export_no_labels',
    message: string,
  ) {
    super(`${message} (${code})`);
    this.name = 'ExportError';
  }
}

/**
 * Reads an export of behaviour events (JSONL, one protocol `BehaviorEvent` per line, as the edge stores
 * them) and labels each feature window by what happened next in its session: a step abandoned, help
 * opened or an intervention accepted within `WEAK_LABEL_HORIZON_MS` makes it a weak positive; a step
 * completed or an intervention dismissed, a weak negative; windows followed by neither are left out.
 *
 * @example
 * const windows = weakLabel(readFileSync('export.jsonl', 'utf8'), 'fw1');
 */
export function weakLabel(jsonl: string, schema: string): WeakWindow[] {
  const bySession = new Map<string, BehaviorEvent[]>();
  for (const { line, value, bad } of jsonLines(jsonl)) {
    if (bad) throw new ExportError('export_bad_line', `line ${line}: not JSON`);
    const parsed = BehaviorEvent.safeParse(value);
    if (!parsed.success)
      throw new ExportError(
        'export_bad_line',
        `line ${line}: not a BehaviorEvent: ${parsed.error.issues[0]?.message}`,
      );
    const e = parsed.data;
    if (e.eventType === 'features' && e.window.schema !== schema)
      throw new ExportError(
        'export_schema_mismatch',
        `line ${line}: feature schema ${e.window.schema}, this pipeline trains ${schema}`,
      );
    const list = bySession.get(e.sessionId) ?? [];
    list.push(e);
    bySession.set(e.sessionId, list);
  }
  const out: WeakWindow[] = [];
  for (const [sessionId, events] of [...bySession].sort(([a], [b]) => a.localeCompare(b))) {
    const outcomes = events
      .map((e) => ({ t: e.timestamp, kind: outcomeOf(e) }))
      .filter((o): o is { t: number; kind: 'stuck' | 'fine' } => !!o.kind)
      .sort((a, b) => a.t - b.t);
    for (const e of events) {
      if (e.eventType !== 'features') continue;
      const t1 = e.window.t1;
      const next = outcomes.filter((o) => o.t > t1 - 1 && o.t <= t1 + WEAK_LABEL_HORIZON_MS);
      if (!next.length) continue;
      out.push({
        sessionId,
        t1,
        values: e.window.values,
        label: next.some((o) => o.kind === 'stuck') ? 1 : 0,
      });
    }
  }
  if (!out.some((w) => w.label === 1) || !out.some((w) => w.label === 0))
    throw new ExportError('export_no_labels', 'the export needs windows followed by both kinds of outcome');
  return out;
}
