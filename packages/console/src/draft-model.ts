/**
 * The flow draft as the form edits it: plain JSON changed immutably by path, so the raw JSON view and the
 * form always show the same value, and an invalid draft (a title cleared, a step half written) is kept as
 * typed for the edge to judge: the edge's validation is the only one, and its issues come back by path.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = ReadonlyArray<string | number>;
export interface FieldIssue {
  path: string;
  message: string;
}

/** The value at `path`, or undefined. */
export function getIn(value: unknown, path: Path): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/**
 * A copy of `value` with `path` set; `undefined` removes the key (optional fields left empty are absent,
 * not `""`, which the schema would refuse).
 */
export function setIn(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof key === 'number') {
    const list = Array.isArray(value) ? [...value] : [];
    list[key] = setIn(list[key], rest, next);
    return list;
  }
  const record = value && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
  const child = setIn((record as Record<string, unknown>)[key], rest, next);
  if (child === undefined) delete (record as Record<string, unknown>)[key];
  else (record as Record<string, unknown>)[key] = child;
  return record;
}

/** `steps.1.title` for a path. */
const pathKey = (path: Path) => path.join('.');

/** The issues of a field and of anything inside it (`steps.1.prerequisites.0` belongs to the list). */
export function issuesAt(issues: readonly FieldIssue[], path: Path): FieldIssue[] {
  const key = pathKey(path);
  return issues.filter((i) => i.path === key || i.path.startsWith(`${key}.`));
}

/** The id an input for `path` carries, so an issue summary can move focus to it. */
export const fieldId = (path: Path) => `f-${pathKey(path).replace(/[^a-zA-Z0-9_-]/g, '-') || 'root'}`;

/** A list typed as "a, b, c": trimmed, empties dropped. */
export function parseList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Moves the item at `from` one place up (-1) or down (+1); out of range leaves the list as it is. */
export function move<T>(list: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  [copy[from], copy[to]] = [copy[to]!, copy[from]!];
  return copy;
}

/** A step id not yet used in the flow (`step-3`, `step-4`…). */
export function freshStepId(steps: unknown): string {
  const used = new Set(Array.isArray(steps) ? steps.map((s) => String(getIn(s, ['id']) ?? '')) : []);
  let n = used.size + 1;
  while (used.has(`step-${n}`)) n++;
  return `step-${n}`;
}

/** The draft of a flow that does not exist yet: one step, so it can be published once titled. */
export function blankFlow(flowId: string): Json {
  return { id: flowId, name: flowId, steps: [{ id: 'step-1', title: 'First step', body: '' }] };
}
