/** @jsxImportSource preact */
import type { OnboardingStep } from '@smart-onboarding/protocol/v1';
import { useEffect, useRef, useState } from 'preact/hooks';
import { format } from '../core/messages';
import { checklistCounts, completion } from '../core/progress';
import { useLatest, useMessages } from '../ui/hooks';
import { CHECK, CHEVRON, CLOSE, Icon } from '../ui/icons';
import { LiveRegion } from '../ui/live-region';
import { ShadowIsland } from '../ui/shadow-island';
import type { WidgetBaseProps } from './base';

export interface ChecklistItem {
  id: string;
  title: string;
  description?: string;
  done?: boolean;
  optional?: boolean;
}

export interface ChecklistProps extends WidgetBaseProps {
  items: readonly ChecklistItem[];
  /** Heading (default: the `checklistTitle` message). */
  title?: string;
  /** `bottom-right` (default) or `bottom-left` float over the page; `inline` renders in place. */
  placement?: 'bottom-right' | 'bottom-left' | 'inline';
  /** Start collapsed to its header. */
  collapsed?: boolean;
  /** An unfinished item was chosen: start its tour step. Items are buttons only when this is set. */
  onItemClick?: (item: ChecklistItem) => void;
  onShown?: () => void;
  /** Every required item is done (fires on the change, not on mount). */
  onComplete?: () => void;
  /** The close button was pressed; without this callback there is no close button. */
  onDismiss?: () => void;
}

/** Checklist items from a flow's steps and the ids of the completed ones. */
export function checklistItemsFromSteps(
  steps: ReadonlyArray<
    Pick<OnboardingStep, 'id' | 'title'> & Partial<Pick<OnboardingStep, 'body' | 'optional'>>
  >,
  completedIds: Iterable<string>,
): ChecklistItem[] {
  const done = new Set(completedIds);
  return steps.map((s) => ({
    id: s.id,
    title: s.title,
    ...(s.body ? { description: s.body } : {}),
    done: done.has(s.id),
    optional: !!s.optional,
  }));
}

/** The checklist's content, for a shadow root provided by the caller. */
export function ChecklistView(props: ChecklistProps) {
  const { items, placement = 'bottom-right' } = props;
  const m = useMessages(props.messages);
  const latest = useLatest(props);
  const [collapsed, setCollapsed] = useState(!!props.collapsed);
  const counts = checklistCounts(items);
  const { percent } = completion(counts.done, counts.total);
  const progressText = format(m.checklistProgress, { done: counts.done, total: counts.total });
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef(counts);
  useEffect(() => latest.current.onShown?.(), []);
  useEffect(() => {
    const before = previous.current;
    previous.current = counts;
    if (before.done === counts.done && before.complete === counts.complete) return;
    setAnnouncement(counts.complete ? m.checklistComplete : progressText);
    if (counts.complete && !before.complete) latest.current.onComplete?.();
  }, [counts.done, counts.complete]);
  const title = props.title ?? m.checklistTitle;
  const cls =
    placement === 'inline' ? 'card' : placement === 'bottom-left' ? 'card corner start' : 'card corner';
  return (
    <section class={cls} aria-label={title}>
      <div class="head">
        <button
          class="toggle grow"
          aria-expanded={!collapsed}
          aria-controls="so-checklist-list"
          onClick={() => setCollapsed(!collapsed)}
        >
          <span class="grow">
            <span class="title" style={{ display: 'block', margin: 0 }}>
              {title}
            </span>
            <span class="eyebrow">{counts.complete ? m.checklistComplete : progressText}</span>
          </span>
          <span class="sr">{collapsed ? m.expand : m.collapse}</span>
          <Icon d={CHEVRON} turn={collapsed} />
        </button>
        {props.onDismiss && (
          <button class="x" aria-label={m.close} onClick={() => latest.current.onDismiss?.()}>
            <Icon d={CLOSE} />
          </button>
        )}
      </div>
      <div class="bar" aria-hidden="true">
        <div class="fill" style={{ width: `${percent}%` }} />
      </div>
      <ul id="so-checklist-list" class="list" hidden={collapsed}>
        {items.map((item) => {
          const content = (
            <>
              <span class="check">{item.done && <Icon d={CHECK} />}</span>
              <span>
                <span class="label">{item.title}</span>
                {item.optional && <span class="tag">{m.optional}</span>}
                {item.done && <span class="sr"> ({m.completed})</span>}
                {item.description && <span class="desc">{item.description}</span>}
              </span>
            </>
          );
          const cls = item.done ? 'item done' : 'item';
          return (
            <li key={item.id}>
              {props.onItemClick && !item.done ? (
                <button class={cls} onClick={() => latest.current.onItemClick?.(item)}>
                  {content}
                </button>
              ) : (
                <div class={cls}>{content}</div>
              )}
            </li>
          );
        })}
      </ul>
      <LiveRegion text={announcement} />
    </section>
  );
}

/**
 * An onboarding checklist with progress; unfinished items can start their step.
 *
 * @example
 * <Checklist
 *   items={checklistItemsFromSteps(flow.steps, journey.completedSteps.map((c) => c.stepId))}
 *   onItemClick={(item) => startTourAt(item.id)}
 * />
 */
export function Checklist(props: ChecklistProps) {
  return (
    <ShadowIsland layer={props.placement !== 'inline'} theme={props.theme}>
      <ChecklistView {...props} />
    </ShadowIsland>
  );
}
