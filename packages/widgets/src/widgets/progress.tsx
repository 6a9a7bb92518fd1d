/** @jsxImportSource preact */
import { useEffect, useRef } from 'preact/hooks';
import { format } from '../core/messages';
import { completion } from '../core/progress';
import { useLatest, useMessages } from '../ui/hooks';
import { ShadowIsland } from '../ui/shadow-island';
import type { WidgetBaseProps } from './base';

export interface ProgressProps extends WidgetBaseProps {
  /** Steps done. */
  done: number;
  /** Steps in the journey. */
  total: number;
  /** The visible label (default: the `progressLabel` message). */
  label?: string;
  /** Called once when `done` first reaches `total`. */
  onComplete?: () => void;
  onShown?: () => void;
}

/** The progress bar's content, for a shadow root provided by the caller. */
export function ProgressView(props: ProgressProps) {
  const m = useMessages(props.messages);
  const latest = useLatest(props);
  const { percent } = completion(props.done, props.total);
  const wasComplete = useRef(percent === 100);
  const label = props.label ?? m.progressLabel;
  const valueText = format(m.progressValue, { done: props.done, total: props.total });
  useEffect(() => latest.current.onShown?.(), []);
  useEffect(() => {
    if (percent === 100 && !wasComplete.current) latest.current.onComplete?.();
    wasComplete.current = percent === 100;
  }, [percent]);
  return (
    <div class="progress">
      <div class="row" aria-hidden="true">
        <span>{label}</span>
        <span class="eyebrow">{valueText}</span>
      </div>
      <div
        class="bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={valueText}
      >
        <div class="fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

/**
 * Onboarding progress as a labelled bar, rendered where you place it.
 *
 * @example
 * <Progress done={2} total={5} onComplete={() => celebrate()} />
 */
export function Progress(props: ProgressProps) {
  return (
    <ShadowIsland layer={false} theme={props.theme}>
      <ProgressView {...props} />
    </ShadowIsland>
  );
}
