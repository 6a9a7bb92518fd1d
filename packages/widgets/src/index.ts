/**
 * Smart Onboarding widgets: tour, checklist, hint, help panel, nudge and progress, as Preact
 * components, as an imperative mount API, and as custom elements (`defineElements`). Each renders in
 * its own shadow root.
 *
 * @example
 * import { Tour } from '@smart-onboarding/widgets';
 * render(<Tour steps={flow.steps} onComplete={done} />, document.getElementById('app')!);
 */
export { DEFAULT_MESSAGES, format, type Messages, resolveMessages } from './core/messages';
export { matchRoute } from './core/route-match';
export type { StepChangeReason } from './core/tour-machine';
export { defineElements } from './define-elements';
export {
  type MountHandle,
  type MountOptions,
  mountChecklist,
  mountHelpPanel,
  mountHint,
  mountNudge,
  mountProgress,
  mountTour,
} from './mount';
export type { Theme } from './ui/shadow-host';
export type { WidgetBaseProps } from './widgets/base';
export {
  Checklist,
  type ChecklistItem,
  type ChecklistProps,
  ChecklistView,
  checklistItemsFromSteps,
} from './widgets/checklist';
export {
  HelpPanel,
  type HelpPanelContent,
  type HelpPanelProps,
  HelpPanelView,
  type HelpStatus,
} from './widgets/help-panel';
export { Hint, type HintProps, HintView } from './widgets/hint';
export { Nudge, type NudgeProps, NudgeView } from './widgets/nudge';
export { Progress, type ProgressProps, ProgressView } from './widgets/progress';
export {
  Tour,
  type TourControl,
  type TourProps,
  type TourStep,
  type TourStepEvent,
  TourView,
  TRACK_EVENT,
} from './widgets/tour';
