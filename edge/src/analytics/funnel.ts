import type { FlowDefinition } from '@smart-onboarding/protocol';

interface JourneyCount {
  segment: string;
  started: number;
  completed: number;
  abandoned: number;
}

interface StepCount {
  segment: string;
  stepId: string;
  completed: number;
  skipped: number;
}

/** One step of a funnel: journeys that got past it, and their share of the segment's journeys. */
interface FunnelStep {
  stepId: string;
  title: string;
  completed: number;
  skipped: number;
  /** Share of the segment's started journeys that completed the step. */
  rate: number;
  /** Share of those that got past the previous step (completed or skipped it) that completed this one. */
  stepRate: number;
}

export interface FunnelSegment extends JourneyCount {
  steps: FunnelStep[];
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/**
 * The funnel of a flow per segment, steps in the flow's order (then steps only older versions had): how many journeys started, got past each
 * step, completed or were abandoned. Segments with most journeys first. Pure.
 *
 * @example
 * buildFunnel(flow, [{ segment: 'power_user', started: 10, completed: 6, abandoned: 2 }], stepRows)[0].steps[0].rate
 */
export function buildFunnel(
  flow: FlowDefinition,
  journeys: readonly JourneyCount[],
  steps: readonly StepCount[],
): FunnelSegment[] {
  const bySegment = new Map<string, Map<string, StepCount>>();
  for (const s of steps) {
    const m = bySegment.get(s.segment) ?? new Map<string, StepCount>();
    m.set(s.stepId, s);
    bySegment.set(s.segment, m);
  }
  // Steps of other versions of the flow (a split by version) follow the latest version's, by id.
  const known = new Set(flow.steps.map((s) => s.id));
  const extra = [...new Set(steps.map((s) => s.stepId).filter((id) => !known.has(id)))].sort();
  const ordered = [
    ...flow.steps.map((s) => ({ id: s.id, title: s.title })),
    ...extra.map((id) => ({ id, title: id })),
  ];
  return [...journeys]
    .sort((a, b) => b.started - a.started || a.segment.localeCompare(b.segment))
    .map((j) => {
      const counts = bySegment.get(j.segment);
      let before = j.started;
      return {
        ...j,
        steps: ordered.map((step) => {
          const c = counts?.get(step.id);
          const completed = c?.completed ?? 0;
          const skipped = c?.skipped ?? 0;
          const row = {
            stepId: step.id,
            title: step.title,
            completed,
            skipped,
            rate: share(completed, j.started),
            stepRate: share(completed, before),
          };
          before = completed + skipped;
          return row;
        }),
      };
    });
}

/** Whether a hot spot grows: its signals in the recent half of the window against the earlier half. */
export type HotspotTrend = 'rising' | 'falling' | 'steady' | 'new';

/**
 * Rising or falling when one half has at least half again as many signals as the other and they differ
 * by at least 3 (a change of one or two signals is noise); `new` when nothing came before. Pure.
 */
export function hotspotTrend(recent: number, earlier: number): HotspotTrend {
  if (earlier === 0) return recent > 0 ? 'new' : 'steady';
  if (Math.abs(recent - earlier) < 3) return 'steady';
  if (recent >= earlier * 1.5) return 'rising';
  if (earlier >= recent * 1.5) return 'falling';
  return 'steady';
}
