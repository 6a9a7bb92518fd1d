/** @jsxImportSource preact */
import type { InterventionOutcome, InterventionPlan } from '@smart-onboarding/protocol/v1';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Messages } from '../core/messages';
import { anchorTo } from '../dom/anchor';
import { useLatest, useMedia, useMessages, useTargetElement } from '../ui/hooks';
import { CLOSE, Icon } from '../ui/icons';
import { LiveRegion } from '../ui/live-region';
import { ShadowIsland } from '../ui/shadow-island';
import type { WidgetBaseProps } from './base';

export interface NudgeProps extends WidgetBaseProps {
  /** The intervention to show. Holdout plans and `none` render nothing: they are recorded, not shown. */
  plan: InterventionPlan;
  /** Viewports this wide or narrower show the nudge at the bottom instead of beside its target. */
  sheetBreakpoint?: number;
  onShown?: (plan: InterventionPlan) => void;
  /** The user took the offer (show me, explain, simpler way, AI help, a human): act on `plan.kind`. */
  onAccept?: (plan: InterventionPlan) => void;
  /** Closed without taking it: by the user (`dismissed`) or because it expired (`ignored`). */
  onDismiss?: (
    plan: InterventionPlan,
    outcome: Extract<InterventionOutcome, 'dismissed' | 'ignored'>,
  ) => void;
}

const ACCEPT_LABEL: Record<InterventionPlan['kind'], keyof Messages> = {
  hint: 'acceptHint',
  explain_step: 'acceptExplain',
  simpler_variant: 'acceptSimpler',
  ai_help: 'acceptAiHelp',
  human: 'acceptHuman',
  none: 'acceptHint',
};

/** The nudge's content, for a shadow root provided by the caller. */
export function NudgeView(props: NudgeProps) {
  const { plan, sheetBreakpoint = 560 } = props;
  const m = useMessages(props.messages);
  const latest = useLatest(props);
  const [closed, setClosed] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const showable = !plan.holdout && plan.kind !== 'none' && closed !== plan.id;
  const element = useTargetElement(showable ? plan.target : undefined);
  const narrow = useMedia(`(max-width: ${sheetBreakpoint}px)`);
  const anchored = !!element && !narrow;
  const card = useRef<HTMLDivElement>(null);
  const spotlight = useRef<HTMLDivElement>(null);

  const finish = (outcome: 'accepted' | 'dismissed' | 'ignored') => {
    setClosed(plan.id);
    if (outcome === 'accepted') latest.current.onAccept?.(plan);
    else latest.current.onDismiss?.(plan, outcome);
  };

  useEffect(() => {
    if (!showable) return;
    latest.current.onShown?.(plan);
    setAnnouncement(`${m.nudgeLabel}: ${plan.title}`);
    if (plan.expiresAt === undefined) return;
    const timer = setTimeout(() => finish('ignored'), Math.max(0, plan.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [plan.id, showable]);

  useLayoutEffect(() => {
    if (!element || !showable) return;
    return anchorTo({
      target: element,
      floating: anchored ? card.current : null,
      spotlight: spotlight.current,
    });
  }, [element, anchored, showable]);

  const live = <LiveRegion text={showable ? announcement : ''} />;
  if (!showable) return <>{live}</>;
  return (
    <>
      {live}
      {element && <div ref={spotlight} class="spot" />}
      <div
        ref={card}
        class={anchored ? 'card pop' : 'card corner'}
        role="dialog"
        aria-labelledby="so-nudge-title"
        aria-describedby="so-nudge-body"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            finish('dismissed');
          }
        }}
      >
        <div class="head">
          <span class="eyebrow grow">{m.nudgeLabel}</span>
          <button class="x" aria-label={m.close} onClick={() => finish('dismissed')}>
            <Icon d={CLOSE} />
          </button>
        </div>
        <h2 id="so-nudge-title" class="title">
          {plan.title}
        </h2>
        <p id="so-nudge-body" class="body">
          {plan.body}
        </p>
        <div class="actions">
          <button class="btn" onClick={() => finish('dismissed')}>
            {m.notNow}
          </button>
          <button class="btn primary" onClick={() => finish('accepted')}>
            {m[ACCEPT_LABEL[plan.kind]]}
          </button>
        </div>
      </div>
    </>
  );
}

/**
 * Shows an intervention the edge decided on (`InterventionPlan`): beside the element the user struggles
 * with when the plan names one, else in the corner. It does not steal focus (the user did not ask for
 * it); it is announced politely, and Esc inside it closes it.
 *
 * @example
 * sdk.on('intervention', (plan) => render(<Nudge plan={plan} onAccept={openHelp} />, slot));
 */
export function Nudge(props: NudgeProps) {
  return (
    <ShadowIsland layer theme={props.theme}>
      <NudgeView {...props} />
    </ShadowIsland>
  );
}
