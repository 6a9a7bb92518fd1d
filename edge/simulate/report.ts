import {
  calibrationReport,
  median,
  medianCi,
  medianDifferenceCi,
  newcombeInterval,
  seededRandom,
} from '@smart-onboarding/stats';
import { trackInterventionEffectiveness, wilson } from '../src/intelligence/intervention/effectiveness';
import type { PredictionRecord } from './in-process-backend';
import type { UserResult } from './simulation';

interface ArmSummary {
  arm: string;
  users: number;
  completion: ReturnType<typeof wilson>;
  medianSeconds: number;
  medianCi95: [number, number];
}

function summarise(arm: string, results: readonly UserResult[]): ArmSummary {
  const done = results.filter((r) => r.completed);
  return {
    arm,
    users: results.length,
    completion: wilson(done.length, results.length),
    medianSeconds: median(done.map((r) => r.seconds)),
    medianCi95: medianCi(
      done.map((r) => r.seconds),
      seededRandom(17),
    ),
  };
}

interface AbReport {
  a: ArmSummary;
  b: ArmSummary;
  completionUplift: number;
  completionUpliftCi95: [number, number];
  medianSecondsDelta: number;
  medianSecondsDeltaCi95: [number, number];
  intervention: ReturnType<typeof trackInterventionEffectiveness>;
  calibration?: ReturnType<typeof calibrationReport>;
  /** Completion per persona in each arm (the seed's bias check: who gains, who loses). */
  byPersona: Array<{ persona: string; a: ReturnType<typeof wilson>; b: ReturnType<typeof wilson> }>;
}

export function abReport(
  a: readonly UserResult[],
  b: readonly UserResult[],
  predictions: readonly PredictionRecord[] = [],
  windowMs = 5 * 60_000,
): AbReport {
  const sa = summarise('A adaptive', a);
  const sb = summarise('B smart', b);
  const outcome = new Map(b.map((r) => [r.userId, r.completed]));
  const preds = predictions.filter((p) => outcome.has(p.userId));
  return {
    a: sa,
    b: sb,
    completionUplift: sb.completion.rate - sa.completion.rate,
    completionUpliftCi95: newcombeInterval(sb.completion, sa.completion),
    medianSecondsDelta: sb.medianSeconds - sa.medianSeconds,
    medianSecondsDeltaCi95: medianDifferenceCi(
      a.filter((r) => r.completed).map((r) => r.seconds),
      b.filter((r) => r.completed).map((r) => r.seconds),
      seededRandom(23),
    ),
    byPersona: [...new Set(a.map((r) => r.persona))].sort().map((persona) => {
      const of = (rs: readonly UserResult[]) => rs.filter((r) => r.persona === persona);
      return {
        persona,
        a: wilson(of(a).filter((r) => r.completed).length, of(a).length),
        b: wilson(of(b).filter((r) => r.completed).length, of(b).length),
      };
    }),
    intervention: trackInterventionEffectiveness(
      b.flatMap((r) => r.exposures),
      windowMs,
    ),
    ...(preds.length
      ? {
          calibration: calibrationReport(
            preds.map((p) => p.predicted),
            preds.map((p) => outcome.get(p.userId)!),
            5,
          ),
        }
      : {}),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ci = ([lo, hi]: [number, number], f: (x: number) => string) => `[${f(lo)}, ${f(hi)}]`;
const sec = (x: number) => `${Math.round(x)} s`;

export function formatReport(r: AbReport): string {
  const lines = [
    'arm           users  completion  95% CI            median time to complete  95% CI',
    ...[r.a, r.b].map(
      (s) =>
        `${s.arm.padEnd(13)} ${String(s.users).padStart(5)}  ${pct(s.completion.rate).padStart(10)}  ${ci(s.completion.ci95, pct).padEnd(16)}  ${sec(s.medianSeconds).padStart(23)}  ${ci(s.medianCi95, sec)}`,
    ),
    '',
    `completion uplift (B − A):       ${pct(r.completionUplift)}  95% CI ${ci(r.completionUpliftCi95, pct)}`,
    `median time to complete (B − A): ${sec(r.medianSecondsDelta)}  95% CI ${ci(r.medianSecondsDeltaCi95, sec)}`,
    `intervention uplift in B (progress within ${r.intervention.windowMs / 60_000} min, shown vs holdout): ${pct(r.intervention.uplift)}  95% CI ${ci(r.intervention.upliftCi95, pct)}`,
    `  shown:   ${r.intervention.treated.progressed}/${r.intervention.treated.n} = ${pct(r.intervention.treated.rate)}   holdout: ${r.intervention.holdout.progressed}/${r.intervention.holdout.n} = ${pct(r.intervention.holdout.rate)}`,
  ];
  lines.push(
    'completion by persona (A → B, 95% CI of B − A):',
    ...r.byPersona.map(
      (p) =>
        `  ${p.persona.padEnd(18)} ${pct(p.a.rate).padStart(6)} → ${pct(p.b.rate).padStart(6)}  ${ci(newcombeInterval(p.b, p.a), pct)}  (n ${p.a.n})`,
    ),
  );
  if (r.calibration) {
    lines.push(
      `success prediction (B, after the 2nd step) vs outcome: Brier ${r.calibration.brier.toFixed(3)}, ECE ${r.calibration.ece.toFixed(3)}, n ${r.calibration.count}`,
      ...r.calibration.bins
        .filter((b) => b.count > 0)
        .map(
          (b) =>
            `  predicted ${b.lower.toFixed(1)}–${b.upper.toFixed(1)}: mean ${pct(b.meanPredicted)}, observed ${pct(b.observedRate)} (n ${b.count})`,
        ),
    );
  }
  return lines.join('\n');
}
