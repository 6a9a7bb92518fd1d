import type { HelpContent } from '@smart-onboarding/protocol';
import type { HelpChunk } from './types';

/** The help panel's content while an answer streams in: what is known so far, and whether more is coming. */
export interface HelpView {
  help: Partial<HelpContent> & { id: string; text: string };
  streaming: boolean;
}

/**
 * Folds the edge's help messages into what the panel shows. Deltas of one answer are appended in order;
 * a delta of another answer starts afresh; the complete `help` message wins over what streamed (it holds
 * the sources, the target and the authored/generated label), and keeps the streamed text when its own is
 * empty (an edge may send the metadata first and the text as deltas).
 */
export function applyHelp(view: HelpView | undefined, message: HelpChunk | HelpContent): HelpView {
  if ('delta' in message) {
    const same = view?.help.id === message.helpId;
    const base = same ? view!.help : { id: message.helpId, source: 'generated' as const, text: '' };
    return { help: { ...base, text: base.text + message.delta }, streaming: !message.done };
  }
  const same = view?.help.id === message.id;
  const text = message.text || (same ? view!.help.text : '');
  // Metadata before any text means the text is still to come as deltas.
  return { help: { ...message, text }, streaming: same ? view!.streaming && !message.text : !text };
}
