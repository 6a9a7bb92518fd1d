import type { FlowChange, FlowDefinition } from '@smart-onboarding/protocol';

/**
 * What changed between two flow definitions, as an editor reads it: flow fields, steps added, removed or
 * moved (by id), and each changed field of a kept step (`steps.<id>.<field>`). Pure.
 */
export function diffFlows(before: FlowDefinition, after: FlowDefinition): FlowChange[] {
  const changes: FlowChange[] = [];
  for (const field of ['id', 'name', 'description'] as const) {
    if (before[field] !== after[field]) changes.push(change(field, before[field], after[field]));
  }
  const beforeSteps = new Map(before.steps.map((s, i) => [s.id, { step: s, index: i }]));
  const afterSteps = new Map(after.steps.map((s, i) => [s.id, { step: s, index: i }]));
  for (const [id, { step }] of beforeSteps) {
    if (!afterSteps.has(id)) changes.push({ path: `steps.${id}`, kind: 'removed', before: step });
  }
  for (const [id, { step, index }] of afterSteps) {
    const old = beforeSteps.get(id);
    if (!old) {
      changes.push({ path: `steps.${id}`, kind: 'added', after: step });
      continue;
    }
    if (old.index !== index)
      changes.push({ path: `steps.${id}`, kind: 'moved', before: old.index, after: index });
    const fields = new Set([...Object.keys(old.step), ...Object.keys(step)]);
    for (const field of [...fields].sort()) {
      const a = (old.step as Record<string, unknown>)[field];
      const b = (step as Record<string, unknown>)[field];
      if (JSON.stringify(a) !== JSON.stringify(b)) changes.push(change(`steps.${id}.${field}`, a, b));
    }
  }
  return changes;
}

function change(path: string, before: unknown, after: unknown): FlowChange {
  if (before === undefined) return { path, kind: 'added', after };
  if (after === undefined) return { path, kind: 'removed', before };
  return { path, kind: 'changed', before, after };
}
