/** @jsxImportSource preact */
import type { HelpContent } from '@smart-onboarding/protocol/v1';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type Block, type Inline, parseHelpText } from '../core/help-text';
import { anchorTo } from '../dom/anchor';
import { bringIntoView, coveredTop } from '../dom/bring-into-view';
import { rememberFocus } from '../dom/focus';
import { prefersReducedMotion, useLatest, useMessages, useTargetElement } from '../ui/hooks';
import { CLOSE, Icon } from '../ui/icons';
import { LiveRegion } from '../ui/live-region';
import { ShadowIsland } from '../ui/shadow-island';
import type { WidgetBaseProps } from './base';

/** Help as the panel shows it: the protocol's `HelpContent`, every field optional while it streams in. */
export type HelpPanelContent = Partial<HelpContent>;

export type HelpStatus = 'streaming' | 'done' | 'error';

export interface HelpPanelProps extends WidgetBaseProps {
  /** The help so far. In the incremental style, pass a longer `text` on each update. */
  help?: HelpPanelContent;
  /** Text deltas as they arrive (appended to `help.text`); the panel consumes the iterable itself. */
  stream?: AsyncIterable<string>;
  /** Incremental style: true while more text is coming (default false: the text is complete). */
  streaming?: boolean;
  /** The heading, e.g. the user's question (default: the `helpTitle` message). */
  title?: string;
  /** Ring the element `help.targetSelector` points at (default true). */
  highlightTarget?: boolean;
  /** Move focus into the panel when it opens (default true); focus returns on close. */
  autoFocus?: boolean;
  onShown?: () => void;
  /** The whole answer is in (`text` is the full text). */
  onStreamComplete?: (text: string) => void;
  onClose?: () => void;
}

/** The help panel's content, for a shadow root provided by the caller. */
export function HelpPanelView(props: HelpPanelProps) {
  const { help = {}, stream, highlightTarget = true, autoFocus = true } = props;
  const m = useMessages(props.messages);
  const latest = useLatest(props);
  const [streamed, setStreamed] = useState<{ text: string; status: HelpStatus } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const spotlight = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!stream) return setStreamed(null);
    const iterator = stream[Symbol.asyncIterator]();
    let text = latest.current.help?.text ?? '';
    let stopped = false;
    setStreamed({ text, status: 'streaming' });
    (async () => {
      try {
        for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
          if (stopped) return;
          text += r.value;
          setStreamed({ text, status: 'streaming' });
        }
        if (!stopped) setStreamed({ text, status: 'done' });
      } catch {
        if (!stopped) setStreamed({ text, status: 'error' });
      }
    })();
    return () => {
      stopped = true;
      iterator.return?.();
    };
  }, [stream]);

  const text = streamed ? streamed.text : (help.text ?? '');
  const status: HelpStatus = streamed ? streamed.status : stream || props.streaming ? 'streaming' : 'done';
  const previousStatus = useRef<HelpStatus | null>(null);
  useEffect(() => {
    const before = previousStatus.current;
    previousStatus.current = status;
    if (status === 'streaming') setAnnouncement(m.helpLoading);
    else if (status === 'error') setAnnouncement(m.helpError);
    else {
      setAnnouncement(m.helpComplete);
      if (before !== 'done') latest.current.onStreamComplete?.(text);
    }
  }, [status]);

  useEffect(() => {
    latest.current.onShown?.();
    const restore = rememberFocus();
    if (autoFocus) heading.current?.focus({ preventScroll: true });
    return restore;
  }, []);

  const selector = help.targetSelector;
  const target = useTargetElement(selector && highlightTarget ? { selector } : undefined);
  useLayoutEffect(() => {
    if (!target || !spotlight.current) return;
    return anchorTo({ target, spotlight: spotlight.current });
  }, [target]);

  const close = () => latest.current.onClose?.();
  const blocks = parseHelpText(text);
  const generated = help.source === 'generated';
  return (
    <>
      {target && <div ref={spotlight} class="spot" />}
      <div
        class="card panel"
        role="dialog"
        aria-labelledby="so-help-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      >
        <div class="head">
          <h2 id="so-help-title" class="title grow" tabIndex={-1} ref={heading}>
            {props.title ?? m.helpTitle}
          </h2>
          <button class="x" aria-label={m.close} onClick={close}>
            <Icon d={CLOSE} />
          </button>
        </div>
        <div class="scroll" aria-busy={status === 'streaming'}>
          {help.source && (
            <p class={`badge ${help.source}`} data-source={help.source}>
              {generated ? m.helpGenerated : m.helpAuthored}
            </p>
          )}
          {help.degradedReason && !generated && <p class="note">{m.helpDegraded}</p>}
          <div class={status === 'streaming' ? 'body caret' : 'body'}>
            {blocks.length === 0 && status === 'streaming' && <p class="note">{m.helpLoading}</p>}
            {blocks.map(block)}
          </div>
          {status === 'error' && <p class="note">{m.helpError}</p>}
          {help.sources && help.sources.length > 0 && (
            <div class="sources">
              <h3>{m.helpSources}</h3>
              <ul>
                {help.sources.map((s) => (
                  <li key={s.articleId}>
                    {s.url ? (
                      <a href={s.url} target="_blank" rel="noopener noreferrer">
                        {s.title}
                      </a>
                    ) : (
                      s.title
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        {target && (
          <div class="actions">
            <button
              class="btn primary"
              onClick={() => {
                // On a phone the panel is a bottom sheet: bring the target into the space above it.
                const sheet = heading.current!.closest('.panel')!.getBoundingClientRect();
                bringIntoView(target, {
                  topInset: coveredTop(),
                  bottomInset: sheet.left < 1 ? innerHeight - sheet.top : 0,
                  smooth: !prefersReducedMotion(),
                });
              }}
            >
              {m.showMe}
            </button>
          </div>
        )}
      </div>
      <LiveRegion text={announcement} />
    </>
  );
}

// Streamed text only ever grows at its end, so a block's position is its identity: no keys needed.
function inlines(list: Inline[]) {
  return list.map(inline);
}

function inline(r: Inline) {
  return r.kind === 'strong' ? <strong>{r.text}</strong> : r.kind === 'code' ? <code>{r.text}</code> : r.text;
}

function item(list: Inline[]) {
  return <li>{inlines(list)}</li>;
}

function block(b: Block) {
  if (b.kind === 'p') return <p>{inlines(b.inlines)}</p>;
  return b.kind === 'ul' ? <ul>{b.items.map(item)}</ul> : <ol>{b.items.map(item)}</ol>;
}

/**
 * A side panel (a bottom sheet on phones) with help for this moment: it renders AI answers as they
 * stream in, says whether help was written by the team or generated, lists its sources, and rings the
 * element the answer is about.
 *
 * @example
 * <HelpPanel
 *   title="How do I schedule a post?"
 *   help={{ source: 'generated', sources: [{ articleId: 'a1', title: 'Scheduling' }], targetSelector: '#schedule' }}
 *   stream={answerDeltas}
 *   onClose={() => setOpen(false)}
 * />
 */
export function HelpPanel(props: HelpPanelProps) {
  return (
    <ShadowIsland layer theme={props.theme}>
      <HelpPanelView {...props} />
    </ShadowIsland>
  );
}
