import type { BehaviorEvent, PageContext } from '@smart-onboarding/protocol';
import type { JourneyIntelligence } from '../intelligence/journey-intelligence';
import type { PersonaProfile } from '../intelligence/persona';
import { scoreTechnicalProficiency } from '../intelligence/proficiency';
import type { AbandonCause, JourneyState } from '../journey/journey-state';
import { journeyArm } from '../journey/policies';

/** The kind of device a journey ran on, from the page context the SDK sends (never the user agent). */
export type DeviceClass = 'mobile' | 'tablet' | 'desktop' | 'unknown';

/**
 * What each journey row in D1 carries for analysis: who the user seemed to be, which arm, cohort and
 * experiment variant they were in, on what device, and how it ended. Dimensions are strings bounded in
 * length: cohorts and traits come from the browser.
 */
export interface JourneyAnalysis {
  persona: string;
  proficiency: string;
  arm: string;
  cohort: string;
  experimentId: string | null;
  experimentVariant: string | null;
  deviceClass: DeviceClass;
  abandonedBy: AbandonCause | null;
  /** Start to completion, for completed journeys only (an abandoned one has no completion time). */
  timeToCompleteMs: number | null;
}

/** Dimension values longer than this are cut: they are labels for grouping, not data. */
const DIMENSION_MAX = 64;
const bounded = (value: string) => value.slice(0, DIMENSION_MAX);

/**
 * A page context's device class: a touch pointer on a small screen is a phone, on a larger one a tablet;
 * a mouse, pen or keyboard is a desktop; without a pointer, the viewport's width decides. Pure.
 */
export function deviceClassOf(context: PageContext | undefined): DeviceClass {
  if (!context) return 'unknown';
  const short = context.viewport ? Math.min(context.viewport.w, context.viewport.h) : undefined;
  if (context.pointer === 'touch') return short !== undefined && short >= 600 ? 'tablet' : 'mobile';
  if (context.pointer === 'mouse' || context.pointer === 'pen' || context.pointer === 'keyboard')
    return 'desktop';
  const width = context.viewport?.w;
  if (!width) return 'unknown';
  return width < 600 ? 'mobile' : width < 1024 ? 'tablet' : 'desktop';
}

/** The device class of the first event in a batch that says (`unknown` when none does). */
export function deviceClassOfEvents(events: readonly BehaviorEvent[]): DeviceClass {
  for (const e of events) {
    const device = deviceClassOf(e.context);
    if (device !== 'unknown') return device;
  }
  return 'unknown';
}

/** A journey's analysis fields from its state, its intelligence and the device it was seen on. Pure. */
export function journeyAnalysisOf(
  state: JourneyState,
  intel: JourneyIntelligence | null,
  deviceClass: DeviceClass | null,
): JourneyAnalysis {
  const profile = state.profile as PersonaProfile;
  const proficiency = intel
    ? scoreTechnicalProficiency(intel.userModel.patterns, profile.technicalProficiency).level
    : (profile.technicalProficiency ?? 'unknown');
  return {
    persona: intel?.persona.personaType ?? 'unknown',
    proficiency,
    arm: journeyArm(state.profile),
    cohort: bounded(intel?.learning.cohort ?? 'default'),
    experimentId: state.experiment?.id ?? null,
    experimentVariant: state.experiment ? bounded(state.experiment.variant) : null,
    deviceClass: deviceClass ?? 'unknown',
    abandonedBy: state.status === 'abandoned' ? (state.abandonedBy ?? 'reported') : null,
    timeToCompleteMs:
      state.status === 'completed' && state.completedAt !== undefined
        ? Math.max(0, state.completedAt - state.startedAt)
        : null,
  };
}
