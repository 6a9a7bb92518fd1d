import { defineElements } from './define-elements';
import type { ChecklistProps } from './widgets/checklist';
import type { HelpPanelProps } from './widgets/help-panel';
import type { HintProps } from './widgets/hint';
import type { NudgeProps } from './widgets/nudge';
import type { ProgressProps } from './widgets/progress';
import type { TourControl, TourProps } from './widgets/tour';

/** A mounted widget: change its props, or take it off the page (listeners, observers and all). */
export interface MountHandle<P> {
  /** Merges `props` into the current ones and re-renders. */
  update(props: Partial<P>): void;
  /** Unmounts and removes the host element. Safe to call twice. */
  destroy(): void;
  /** The custom element that holds the widget's shadow root. */
  readonly host: HTMLElement;
}

export interface MountOptions {
  /** Where to put the widget's element (default `<body>`). Floating widgets position over the page anyway. */
  container?: Element;
}

/**
 * The mount API is a thin layer over the custom elements (registered on first use), so the script tag,
 * the SDK and hand-written `<so-*>` markup all run the same code.
 */
function mount<P extends object>(tag: string, props: P, options: MountOptions = {}): MountHandle<P> {
  defineElements();
  const host = document.createElement(tag) as HTMLElement & { config: Partial<P> };
  host.config = props;
  (options.container ?? document.body).append(host);
  return {
    host,
    update: (next) => {
      host.config = next;
    },
    destroy: () => host.remove(),
  };
}

/**
 * Starts a tour on the page. The handle also drives it (`next`, `back`, `goTo`, `dismiss`).
 *
 * @example
 * const tour = mountTour({ steps, onComplete: () => tour.destroy() });
 */
export function mountTour(props: TourProps, options?: MountOptions): MountHandle<TourProps> & TourControl {
  let control: TourControl | undefined;
  const handle = mount<TourProps>(
    'so-tour',
    {
      ...props,
      control: (c) => {
        control = c;
        props.control?.(c);
      },
    },
    options,
  );
  return {
    ...handle,
    next: () => control?.next(),
    back: () => control?.back(),
    goTo: (to) => control?.goTo(to),
    dismiss: () => control?.dismiss(),
  };
}

/**
 * Shows a checklist (floating in a corner unless `placement: 'inline'`).
 *
 * @example
 * const list = mountChecklist({ items, onItemClick: (item) => tour.goTo(item.id) });
 * list.update({ items: nextItems });
 */
export const mountChecklist = (props: ChecklistProps, options?: MountOptions): MountHandle<ChecklistProps> =>
  mount('so-checklist', props, options);

/**
 * Puts a beacon with a tip on an element (waits for it to appear).
 *
 * @example
 * mountHint({ target: '#schedule', title: 'Schedule it', body: 'Pick a time.' });
 */
export const mountHint = (props: HintProps, options?: MountOptions): MountHandle<HintProps> =>
  mount('so-hint', props, options);

/**
 * Opens the help panel. Stream an answer by passing `stream`, or by calling `update` with longer text.
 *
 * @example
 * const panel = mountHelpPanel({ help: { source: 'generated', text: '' }, streaming: true, onClose: () => panel.destroy() });
 * panel.update({ help: { source: 'generated', text: 'First words…' } });
 * panel.update({ streaming: false });
 */
export const mountHelpPanel = (props: HelpPanelProps, options?: MountOptions): MountHandle<HelpPanelProps> =>
  mount('so-help-panel', props, options);

/**
 * Shows an intervention plan from the edge.
 *
 * @example
 * sdk.on('intervention', (plan) => { const n = mountNudge({ plan, onAccept: openHelp, onDismiss: () => n.destroy() }); });
 */
export const mountNudge = (props: NudgeProps, options?: MountOptions): MountHandle<NudgeProps> =>
  mount('so-nudge', props, options);

/**
 * Shows onboarding progress inside `options.container` (or at the end of `<body>`).
 *
 * @example
 * mountProgress({ done: 2, total: 5 }, { container: document.querySelector('#progress')! });
 */
export const mountProgress = (props: ProgressProps, options?: MountOptions): MountHandle<ProgressProps> =>
  mount('so-progress', props, options);
