/** A run of text inside a paragraph or list item. */
export interface Inline {
  kind: 'text' | 'strong' | 'code';
  text: string;
}

export type Block = { kind: 'p'; inlines: Inline[] } | { kind: 'ul' | 'ol'; items: Inline[][] };

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

/**
 * The small Markdown subset that generated help uses (paragraphs, `-` and `1.` lists, `**bold**`,
 * `` `code` ``), parsed into blocks that the help panel renders as elements. Text is never injected as
 * HTML, so whatever a model writes cannot run script in the host page. Works on half-streamed text: an
 * unclosed `**` simply stays literal until its closing pair arrives.
 */
export function parseHelpText(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'p', inlines: parseInlines(paragraph.join(' ')) });
    paragraph = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      flush();
      const kind = bullet ? 'ul' : 'ol';
      const previous = blocks[blocks.length - 1];
      const inlines = parseInlines(item[1]!.trim());
      if (previous && previous.kind === kind) previous.items.push(inlines);
      else blocks.push({ kind, items: [inlines] });
    } else if (line.trim() === '') flush();
    else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

/** `**bold**` and `` `code` `` runs; everything else is text. */
export function parseInlines(text: string): Inline[] {
  const out: Inline[] = [];
  const pattern = /\*\*([^*]+)\*\*|`([^`]+)`/g;
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    out.push(m[1] !== undefined ? { kind: 'strong', text: m[1] } : { kind: 'code', text: m[2]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}
