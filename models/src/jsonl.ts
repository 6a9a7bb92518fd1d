/**
 * The non-blank lines of a JSONL text, each with its 1-based line number and its JSON value, or `null`
 * as the value's place-holder and `bad: true` when the line is not JSON (callers name the error in their
 * own terms).
 *
 * @example
 * for (const { line, value, bad } of jsonLines(text)) if (bad) throw new Error(`line ${line}: not JSON`);
 */
export function* jsonLines(text: string): Generator<{ line: number; value: unknown; bad: boolean }> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    try {
      yield { line: i + 1, value: JSON.parse(raw), bad: false };
    } catch {
      yield { line: i + 1, value: null, bad: true };
    }
  }
}
