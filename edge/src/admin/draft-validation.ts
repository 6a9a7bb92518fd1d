import {
  type FieldIssue,
  type FlowDefinition,
  FlowDefinition as FlowSchema,
} from '@smart-onboarding/protocol';

/**
 * Checks a draft as publishing will: the flow schema and the protocol's graph checks, each problem with
 * the path of the field it concerns, so the console can show it next to that field. Graph problems name a
 * step; they are placed on that step's prerequisites.
 */
export function validateDraft(
  flowId: string,
  definition: unknown,
): { ok: true; flow: FlowDefinition; issues: [] } | { ok: false; issues: FieldIssue[] } {
  const parsed = FlowSchema.safeParse(definition);
  const issues: FieldIssue[] = [];
  if (!parsed.success) {
    const steps = stepIds(definition);
    for (const issue of parsed.error.issues) {
      let path = issue.path.join('.');
      const named = /^step "([^"]+)"/.exec(issue.message)?.[1];
      if (path === 'steps' && named !== undefined && steps.includes(named)) {
        path = `steps.${steps.indexOf(named)}.prerequisites`;
      }
      issues.push({ path, message: issue.message });
    }
  }
  const id = (definition as { id?: unknown } | null)?.id;
  if (id !== flowId) issues.push({ path: 'id', message: `must be "${flowId}", the flow being edited` });
  if (parsed.success && issues.length === 0) return { ok: true, flow: parsed.data, issues: [] };
  return { ok: false, issues };
}

function stepIds(definition: unknown): string[] {
  const steps = (definition as { steps?: unknown } | null)?.steps;
  return Array.isArray(steps) ? steps.map((s) => String((s as { id?: unknown } | null)?.id ?? '')) : [];
}

/**
 * The revision an `If-Match` header names (`"3"`, or weak `W/"3"`), or null when it names none. A missing
 * header is `undefined`: changing a draft without saying which revision you edited is refused.
 */
export function revisionOf(ifMatch: string | undefined): number | null | undefined {
  if (ifMatch === undefined) return undefined;
  const m = /^(?:W\/)?"(\d{1,9})"$/.exec(ifMatch.trim());
  return m ? Number(m[1]) : null;
}

export const etagOf = (revision: number) => `"${revision}"`;
