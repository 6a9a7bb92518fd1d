import type { FlowDefinition, OnboardingJourney, PersonaType } from '@smart-onboarding/protocol';
import { type CalibrationReport, calibrationReport, rocAuc, seededRandom } from '@smart-onboarding/stats';
import {
  DEFAULT_ENGINE_OPTIONS,
  type InterventionEngineOptions,
} from '../src/intelligence/intervention/engine';
import {
  type JourneySnapshot,
  predictSuccess,
  type SuccessModelState,
} from '../src/intelligence/success-model';
import type { SimBackend } from './backend';
import { SIM_PERSONAS } from './simulated-user';
import { simulateUser, type UserResult } from './simulation';

/**
 * The seed's `TestingFramework`, each method under its name with real behaviour behind it: the simulation,
 * model validation, the real-time benchmark against the live edge, and journey invariants.
 */

export interface TestScenario {
  backend: SimBackend;
  seed: number;
  userId?: string;
  start?: number;
}

/**
 * Runs one simulated user of the given persona through the backend.
 *
 * @example
 * const run = await simulateUserBehavior('time_pressed', { backend: inProcessBackend('smart', flow, rng), seed: 1 });
 */
export function simulateUserBehavior(persona: PersonaType, scenario: TestScenario): Promise<UserResult> {
  return simulateUser(
    scenario.backend,
    scenario.userId ?? `sim-${persona}-${scenario.seed}`,
    seededRandom(scenario.seed),
    scenario.start ?? 1_800_000_000_000,
    SIM_PERSONAS[persona],
  );
}

export interface ValidationResults {
  calibration: CalibrationReport;
  /** Area under the ROC curve: the chance a completed journey is ranked above an abandoned one. */
  rocAuc: number;
  /** Share of outcomes on the right side of 0.5. */
  accuracy: number;
}

/**
 * Validates the success model on labelled snapshots: calibration (reliability bins, Brier, ECE), ROC AUC
 * and accuracy.
 *
 * @example
 * const v = validateModelPredictions(learning.success, heldOut);
 */
export function validateModelPredictions(
  model: SuccessModelState,
  testData: ReadonlyArray<{ snapshot: JourneySnapshot; completed: boolean }>,
): ValidationResults {
  const p = testData.map((d) => predictSuccess(model, d.snapshot));
  const y = testData.map((d) => d.completed);
  return {
    calibration: calibrationReport(p, y),
    rocAuc: rocAuc(p, y),
    accuracy: p.filter((x, i) => x >= 0.5 === y[i]).length / Math.max(1, p.length),
  };
}

interface UxIssue {
  code:
    | 'prerequisite_order'
    | 'step_twice'
    | 'required_step_skipped'
    | 'current_step_infeasible'
    | 'completed_with_steps_left'
    | 'intervention_cooldown'
    | 'intervention_cap'
    | 'unknown_step';
  message: string;
}

export interface UxValidationResults {
  valid: boolean;
  issues: UxIssue[];
}

/**
 * Checks a journey against what users must never experience: a step before its prerequisites, a step
 * twice, a required step skipped, a current step they cannot do, "completed" with steps left, help more
 * often than the fatigue limits allow.
 *
 * @example
 * expect(validateUserExperience(journey, flow)).toEqual({ valid: true, issues: [] });
 */
export function validateUserExperience(
  journey: OnboardingJourney,
  flow: FlowDefinition,
  limits: Pick<
    InterventionEngineOptions,
    'cooldownMs' | 'maxPerSession' | 'defaultSessionMs'
  > = DEFAULT_ENGINE_OPTIONS,
): UxValidationResults {
  const issues: UxIssue[] = [];
  const byId = new Map(flow.steps.map((s) => [s.id, s]));
  const done = new Set<string>();
  for (const c of [...journey.completedSteps].sort((a, b) => a.at - b.at)) {
    const step = byId.get(c.stepId);
    if (!step) {
      issues.push({ code: 'unknown_step', message: `step ${c.stepId} is not in the flow` });
      continue;
    }
    if (done.has(c.stepId))
      issues.push({ code: 'step_twice', message: `step ${c.stepId} was recorded twice` });
    const unmet = step.prerequisites.filter((p) => !done.has(p));
    if (unmet.length)
      issues.push({
        code: 'prerequisite_order',
        message: `step ${c.stepId} was done before ${unmet.join(', ')}`,
      });
    if (c.action === 'skipped' && !step.optional)
      issues.push({ code: 'required_step_skipped', message: `required step ${c.stepId} was skipped` });
    done.add(c.stepId);
  }
  const current = journey.currentStep;
  if (current && (done.has(current.id) || current.prerequisites.some((p) => !done.has(p)))) {
    issues.push({
      code: 'current_step_infeasible',
      message: `current step ${current.id} is done or has unmet prerequisites`,
    });
  }
  if (journey.status === 'completed') {
    const left = flow.steps.filter((s) => !s.optional && !done.has(s.id)).map((s) => s.id);
    if (left.length)
      issues.push({
        code: 'completed_with_steps_left',
        message: `completed with ${left.join(', ')} not done`,
      });
  }
  const shown = journey.interventions
    .filter((i) => i.kind !== 'none' && !i.holdout)
    .sort((a, b) => a.createdAt - b.createdAt);
  for (let i = 1; i < shown.length; i++) {
    const gap = shown[i]!.createdAt - shown[i - 1]!.createdAt;
    if (gap < limits.cooldownMs)
      issues.push({ code: 'intervention_cooldown', message: `interventions ${gap} ms apart` });
  }
  for (const first of shown) {
    const inWindow = shown.filter(
      (x) => x.createdAt >= first.createdAt && x.createdAt < first.createdAt + limits.defaultSessionMs,
    );
    if (inWindow.length > limits.maxPerSession) {
      issues.push({
        code: 'intervention_cap',
        message: `${inWindow.length} interventions within one session window`,
      });
      break;
    }
  }
  return { valid: issues.length === 0, issues };
}
