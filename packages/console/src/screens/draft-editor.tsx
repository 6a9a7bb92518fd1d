import type { FlowDraft } from '@smart-onboarding/protocol';
import { useEffect, useState } from 'preact/hooks';
import { describeActor, useTeamEmails } from '../actors';
import { ApiFailure, describeFailure, issuesOf, request } from '../api';
import { blankFlow, type FieldIssue, fieldId, freshStepId, getIn, move, setIn } from '../draft-model';
import { Issues, Notice, TextField, when } from '../fields';
import { holdUnsaved } from '../unsaved';
import { StepFields } from './step-fields';

type Message = { kind: 'ok' | 'error'; text: string } | null;

interface Loaded {
  definition: unknown;
  etag: string;
  revision: number;
  latestVersion: number | null;
  updatedBy: string | null;
  updatedAt: number | null;
  issues: FieldIssue[];
}

async function loadDraft(flowId: string): Promise<Loaded> {
  try {
    const { data, etag } = await request<FlowDraft>('GET', `/v1/admin/flows/${flowId}/draft`);
    return { ...data, etag: etag ?? `"${data.revision}"` };
  } catch (err) {
    // A flow nobody wrote yet: start from a blank draft, created by the first save (If-Match "0").
    if (err instanceof ApiFailure && err.status === 404) {
      return {
        definition: blankFlow(flowId),
        etag: '"0"',
        revision: 0,
        latestVersion: null,
        updatedBy: null,
        updatedAt: null,
        issues: [],
      };
    }
    throw err;
  }
}

/** Focuses the field an issue names, when the form shows one. */
function focusField(path: string) {
  document.getElementById(fieldId(path.split('.')))?.focus();
}

/**
 * The draft of one flow: the form and the raw JSON over the same value, saved with If-Match (a conflict,
 * never a lost edit, when another editor saved first), published as a new version once it validates.
 */
export function DraftEditor({ flowId, onPublished }: { flowId: string; onPublished: () => void }) {
  const emails = useTeamEmails();
  const [draft, setDraft] = useState<Loaded | null>(null);
  const [definition, setDefinition] = useState<unknown>(null);
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [raw, setRaw] = useState('');
  const [rawIssue, setRawIssue] = useState<FieldIssue[]>([]);

  const adopt = (loaded: Loaded) => {
    setDraft(loaded);
    setDefinition(loaded.definition);
    setRaw(JSON.stringify(loaded.definition, null, 2));
    setRawIssue([]);
    setDirty(false);
  };
  const reload = () => {
    setConflict(null);
    loadDraft(flowId).then(adopt, (err) => setMessage({ kind: 'error', text: describeFailure(err) }));
  };
  useEffect(reload, [flowId]);
  useEffect(() => holdUnsaved(dirty), [dirty]);

  if (!draft) return message ? <Notice kind="error">{message.text}</Notice> : <p>Loading the draft…</p>;

  const change = (next: unknown) => {
    setDefinition(next);
    setRaw(JSON.stringify(next, null, 2));
    setDirty(true);
  };
  const set = (path: (string | number)[], value: unknown) => change(setIn(definition, path, value));
  const steps = (getIn(definition, ['steps']) as unknown[] | undefined) ?? [];
  const ids = steps.map((s) => String(getIn(s, ['id']) ?? ''));
  const issues = draft.issues;

  const save = async (e?: Event) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const { data, etag } = await request<FlowDraft>('PUT', `/v1/admin/flows/${flowId}/draft`, {
        body: definition,
        ifMatch: draft.etag,
      });
      adopt({ ...data, etag: etag ?? `"${data.revision}"` });
      setMessage({
        kind: 'ok',
        text: data.issues.length
          ? `Saved revision ${data.revision}, with ${data.issues.length} problem(s) to fix before publishing.`
          : `Saved revision ${data.revision}. It validates: ready to publish.`,
      });
    } catch (err) {
      if (err instanceof ApiFailure && err.code === 'precondition_failed') {
        const by = err.details.updatedBy ? ` by ${describeActor(String(err.details.updatedBy), emails)}` : '';
        setConflict(
          `Someone else saved this draft${by} (now revision ${String(err.details.revision)}) after you opened it. Your edits are still here and were not saved; copy what you need from the raw JSON, then load their version.`,
        );
      } else {
        const fieldIssues = issuesOf(err);
        if (fieldIssues.length) setDraft({ ...draft, issues: fieldIssues });
        setMessage({ kind: 'error', text: describeFailure(err) });
      }
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const { data } = await request<{ flow: { version: number }; created: boolean }>(
        'POST',
        `/v1/admin/flows/${flowId}/publish`,
        { ifMatch: draft.etag },
      );
      setMessage({
        kind: 'ok',
        text: data.created
          ? `Published version ${data.flow.version}.`
          : `Nothing changed since version ${data.flow.version}.`,
      });
      setDraft({ ...draft, latestVersion: data.flow.version });
      onPublished();
    } catch (err) {
      const fieldIssues = issuesOf(err);
      if (fieldIssues.length) setDraft({ ...draft, issues: fieldIssues });
      if (err instanceof ApiFailure && err.code === 'precondition_failed')
        setConflict('Someone else saved this draft since you loaded it: load it again before publishing.');
      else setMessage({ kind: 'error', text: describeFailure(err) });
    } finally {
      setBusy(false);
    }
  };

  const applyRaw = () => {
    try {
      change(JSON.parse(raw));
      setRawIssue([]);
    } catch (err) {
      setRawIssue([{ path: 'raw', message: `Not JSON: ${(err as Error).message}` }]);
    }
  };

  return (
    <form class="editor" onSubmit={save} aria-label={`Draft of ${flowId}`}>
      <p class="meta">
        Draft revision {draft.revision}
        {draft.updatedBy
          ? `, saved by ${describeActor(draft.updatedBy, emails)} ${when(draft.updatedAt)}`
          : ''}
        . {draft.latestVersion ? `Live: version ${draft.latestVersion}.` : 'Never published.'}
        {dirty ? ' Unsaved changes.' : ''}
      </p>
      {conflict && (
        <div class="notice error" role="alert">
          <p>{conflict}</p>
          <button type="button" onClick={reload}>
            Load the latest draft
          </button>
        </div>
      )}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {issues.length > 0 && (
        <section class="summary" aria-labelledby="issue-summary">
          <h2 id="issue-summary">{issues.length} problem(s) to fix before publishing</h2>
          <ul>
            {issues.map((i) => (
              <li key={i.path + i.message}>
                <button type="button" class="link" onClick={() => focusField(i.path)}>
                  {i.path || 'flow'}
                </button>
                : {i.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="actions">
        {/* Busy buttons stay enabled (a disabled button drops keyboard focus); a second press waits. */}
        <button type="submit" aria-disabled={busy ? 'true' : undefined}>
          Save draft
        </button>
        <button
          type="button"
          disabled={dirty}
          aria-disabled={busy ? 'true' : undefined}
          onClick={publish}
          title={dirty ? 'Save first' : undefined}
        >
          Publish
        </button>
      </div>
      <fieldset>
        <legend>Flow</legend>
        <div class="row">
          <TextField
            label="Name"
            path={['name']}
            issues={issues}
            value={String(getIn(definition, ['name']) ?? '')}
            onChange={(v) => set(['name'], v)}
          />
          <TextField
            label="Abandoned after (seconds without progress)"
            type="number"
            path={['abandonAfterSec']}
            issues={issues}
            value={String(getIn(definition, ['abandonAfterSec']) ?? '')}
            onChange={(v) => set(['abandonAfterSec'], v === '' ? undefined : Number(v))}
          />
        </div>
        <TextField
          label="Description"
          multiline
          path={['description']}
          issues={issues}
          value={String(getIn(definition, ['description']) ?? '')}
          onChange={(v) => set(['description'], v === '' ? undefined : v)}
        />
        <Issues id="f-id-issues" issues={issues.filter((i) => i.path === 'id' || i.path === 'steps')} />
      </fieldset>
      <h2>Steps</h2>
      <ol class="steps">
        {steps.map((step, index) => (
          <li key={index} class="step">
            <fieldset>
              <legend>
                Step {index + 1}: {String(getIn(step, ['title']) ?? '')}
              </legend>
              <StepFields
                step={step}
                index={index}
                otherIds={ids.filter((_, i) => i !== index)}
                issues={issues}
                set={(path, value) => set(['steps', index, ...path], value)}
              />
              <div class="actions">
                <button type="button" onClick={() => set(['steps'], move(steps, index, -1))}>
                  Move step {index + 1} up
                </button>
                <button type="button" onClick={() => set(['steps'], move(steps, index, 1))}>
                  Move step {index + 1} down
                </button>
                <button
                  type="button"
                  class="danger"
                  onClick={() =>
                    set(
                      ['steps'],
                      steps.filter((_, i) => i !== index),
                    )
                  }
                >
                  Remove step {index + 1}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => set(['steps', steps.length], { id: freshStepId(steps), title: 'New step', body: '' })}
      >
        Add a step
      </button>
      <details class="raw">
        <summary>Raw JSON (variants and every other field)</summary>
        <label for="f-raw">Flow definition as JSON</label>
        <textarea
          id="f-raw"
          rows={18}
          spellcheck={false}
          value={raw}
          aria-describedby={rawIssue.length ? 'f-raw-issues' : undefined}
          aria-invalid={rawIssue.length ? 'true' : undefined}
          onInput={(e) => setRaw((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <Issues id="f-raw-issues" issues={rawIssue} />
        <button type="button" onClick={applyRaw}>
          Apply JSON to the form
        </button>
      </details>
    </form>
  );
}
