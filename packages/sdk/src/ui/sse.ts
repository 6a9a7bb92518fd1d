/**
 * Splits a server-sent-events buffer into the `data` of each complete event and what is left over (an
 * event still arriving). Multi-line data is joined with newlines; comments and other fields are ignored.
 *
 * @example
 * parseSse('event: help_chunk\ndata: {"a":1}\n\ndata: {"b"') // { data: ['{"a":1}'], rest: 'data: {"b"' }
 */
export function parseSse(buffer: string): { data: string[]; rest: string } {
  const normalised = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  const data: string[] = [];
  for (const block of blocks) {
    const lines = block
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).replace(/^ /, ''));
    if (lines.length) data.push(lines.join('\n'));
  }
  return { data, rest };
}
