/** @jsxImportSource preact */
import type { StepTarget } from '@smart-onboarding/protocol/v1';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { format } from '../core/messages';
import { anchorTo } from '../dom/anchor';
import { useLatest, useMessages, useTargetElement } from '../ui/hooks';
import { ShadowIsland } from '../ui/shadow-island';
import type { WidgetBaseProps } from './base';

export interface HintProps extends WidgetBaseProps {
  /** The element to mark: a step target, or just a selector. */
  target: StepTarget | string;
  title: string;
  body?: string;
  /** Start with the tip open. */
  open?: boolean;
  /** The beacon appeared next to its (possibly late) target. */
  onShown?: () => void;
  onOpen?: () => void;
  /** "Got it": the hint is done and disappears. */
  onDismiss?: () => void;
}

/** The hint's content, for a shadow root provided by the caller. */
export function HintView(props: HintProps) {
  const m = useMessages(props.messages);
  const latest = useLatest(props);
  const element = useTargetElement(
    typeof props.target === 'string' ? { selector: props.target } : props.target,
  );
  const [open, setOpen] = useState(!!props.open);
  const [dismissed, setDismissed] = useState(false);
  const beacon = useRef<HTMLButtonElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const shownOnce = useRef(false);

  // The beacon sits on the target's top-right corner and follows it; the tip opens beside the target.
  useLayoutEffect(() => {
    const b = beacon.current;
    if (!element || !b) return;
    return anchorTo({
      target: element,
      watch: b,
      onRect: (r) => {
        b.style.left = `${r.right - 12}px`;
        b.style.top = `${r.top - 12}px`;
      },
    });
  }, [element, dismissed]);
  useLayoutEffect(() => {
    if (open && element) return anchorTo({ target: element, floating: tip.current });
  }, [open, element]);

  useEffect(() => {
    if (element && !shownOnce.current) {
      shownOnce.current = true;
      latest.current.onShown?.();
    }
  }, [element]);

  const toggle = (next: boolean) => {
    setOpen(next);
    if (next) {
      latest.current.onOpen?.();
      requestAnimationFrame(() => tip.current?.focus({ preventScroll: true }));
    } else beacon.current?.focus({ preventScroll: true });
  };
  const dismiss = () => {
    setOpen(false);
    setDismissed(true);
    latest.current.onDismiss?.();
  };

  if (!element || dismissed) return null;
  return (
    <>
      <button
        ref={beacon}
        class="beacon"
        aria-label={format(m.hintOpen, { title: props.title })}
        aria-expanded={open}
        aria-controls="so-hint-tip"
        onClick={() => toggle(!open)}
      />
      {open && (
        <div
          ref={tip}
          id="so-hint-tip"
          class="card pop"
          role="dialog"
          aria-labelledby="so-hint-title"
          tabIndex={-1}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              toggle(false);
            }
          }}
        >
          <h2 id="so-hint-title" class="title">
            {props.title}
          </h2>
          {props.body && <p class="body">{props.body}</p>}
          <div class="actions">
            <button class="btn primary" onClick={dismiss}>
              {m.gotIt}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

/**
 * A pulsing beacon on an element; pressing it opens a short tip. Waits for targets that render late.
 *
 * @example
 * <Hint target={{ selector: '#schedule' }} title="Schedule for later" body="Pick a time your audience is online." />
 */
export function Hint(props: HintProps) {
  return (
    <ShadowIsland layer theme={props.theme}>
      <HintView {...props} />
    </ShadowIsland>
  );
}
