/**
 * React bindings: each widget as a React component, through a thin wrapper that mounts the widget's
 * custom element (a Preact island in its own shadow root) and passes props on every render. No
 * `preact/compat` aliasing is needed in your bundler.
 *
 * @example
 * import { Tour, Progress } from '@smart-onboarding/widgets/react';
 * export function App() {
 *   return <><Progress done={2} total={5} /><Tour steps={steps} onComplete={() => setDone(true)} /></>;
 * }
 */
import { createElement, type ReactElement, useLayoutEffect, useRef } from 'react';
import {
  type MountHandle,
  type MountOptions,
  mountChecklist,
  mountHelpPanel,
  mountHint,
  mountNudge,
  mountProgress,
  mountTour,
} from './mount';
import type { ChecklistProps } from './widgets/checklist';
import type { HelpPanelProps } from './widgets/help-panel';
import type { HintProps } from './widgets/hint';
import type { NudgeProps } from './widgets/nudge';
import type { ProgressProps } from './widgets/progress';
import type { TourProps } from './widgets/tour';

interface IslandProps<P> {
  mount: (props: P, options?: MountOptions) => MountHandle<P>;
  /** Rendered where the component stands (else the widget floats over the page from `<body>`). */
  inline: boolean;
  props: P;
}

/** Mounts a widget once, updates it with each render's props, and destroys it on unmount. */
function Island<P extends object>({ mount, inline, props }: IslandProps<P>): ReactElement | null {
  const slot = useRef<HTMLSpanElement>(null);
  const handle = useRef<MountHandle<P> | null>(null);
  useLayoutEffect(() => {
    handle.current = mount(props, inline && slot.current ? { container: slot.current } : {});
    return () => {
      handle.current?.destroy();
      handle.current = null;
    };
  }, [mount, inline]);
  useLayoutEffect(() => {
    handle.current?.update(props);
  });
  return inline ? createElement('span', { ref: slot, style: { display: 'contents' } }) : null;
}

const island = <P extends object>(mount: IslandProps<P>['mount'], inline: boolean, props: P) =>
  createElement(Island<P>, { mount, inline, props });

export const Tour = (props: TourProps) => island(mountTour, false, props);
export const Checklist = (props: ChecklistProps) =>
  island(mountChecklist, props.placement === 'inline', props);
export const Hint = (props: HintProps) => island(mountHint, false, props);
export const HelpPanel = (props: HelpPanelProps) => island(mountHelpPanel, false, props);
export const Nudge = (props: NudgeProps) => island(mountNudge, false, props);
export const Progress = (props: ProgressProps) => island(mountProgress, true, props);
export type { ChecklistProps, HelpPanelProps, HintProps, NudgeProps, ProgressProps, TourProps };
