import type { TargetingRule } from '@smart-onboarding/protocol';
import { useState } from 'preact/hooks';
import { ApiFailure, describeFailure, issuesOf, request } from '../api';
import { type FieldIssue, parseList } from '../draft-model';
import { CheckField, Issues, Notice, TextField } from '../fields';
import { useLoad } from '../use-load';

interface Rules {
  rules: TargetingRule[];
  etag: string;
}

/** `datetime-local` speaks local wall time without a zone; the API speaks epoch milliseconds. */
function toLocalInput(ms: number | undefined): string {
  if (ms === undefined) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
function fromLocalInput(text: string): number | undefined {
  const ms = text ? new Date(text).getTime() : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The targeting rules that send users to this flow. Rules are one list for the tenant, in priority order
 * (the first match wins), saved whole with If-Match; this screen edits the ones naming this flow.
 */
export function Targeting({ flowId }: { flowId: string }) {
  const loaded = useLoad(async (): Promise<Rules> => {
    const { data, etag } = await request<{ rules: TargetingRule[]; revision: number }>(
      'GET',
      '/v1/admin/targeting',
    );
    return { rules: data.rules, etag: etag ?? `"${data.revision}"` };
  }, [flowId]);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [traitText, setTraitText] = useState<Record<number, string>>({});

  if (loaded.error) return <Notice kind="error">{loaded.error}</Notice>;
  if (!loaded.data) return <p>Loading the targeting rules…</p>;
  const { rules, etag } = loaded.data;
  const update = (index: number, patch: Partial<TargetingRule>) =>
    loaded.setData({ etag, rules: rules.map((r, i) => (i === index ? { ...r, ...patch } : r)) });

  const save = async (e: Event) => {
    e.preventDefault();
    setMessage(null);
    const traitIssues: FieldIssue[] = [];
    const withTraits = rules.map((rule, i) => {
      const text = traitText[i];
      if (text === undefined) return rule;
      try {
        return { ...rule, traits: text.trim() ? JSON.parse(text) : [] };
      } catch {
        traitIssues.push({ path: `rules.${i}.traits`, message: 'not JSON' });
        return rule;
      }
    });
    if (traitIssues.length) return setIssues(traitIssues);
    try {
      const { data, etag: next } = await request<{ rules: TargetingRule[]; revision: number }>(
        'PUT',
        '/v1/admin/targeting',
        { body: { rules: withTraits }, ifMatch: etag },
      );
      loaded.setData({ rules: data.rules, etag: next ?? `"${data.revision}"` });
      setTraitText({});
      setIssues([]);
      setMessage({ kind: 'ok', text: `Saved the targeting rules (revision ${data.revision}).` });
    } catch (err) {
      setIssues(issuesOf(err));
      const conflict = err instanceof ApiFailure && err.code === 'precondition_failed';
      setMessage({
        kind: 'error',
        text: conflict
          ? 'Someone else changed the rules since you loaded them: reload.'
          : describeFailure(err),
      });
    }
  };

  const mine = rules.map((r, i) => [r, i] as const).filter(([r]) => r.flowId === flowId);
  return (
    <form onSubmit={save} aria-label={`Targeting of ${flowId}`}>
      <p class="meta">
        {rules.length} rule(s) for the whole team, first match wins; {mine.length} send users to this flow.
      </p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <Issues id="targeting-issues" issues={issues.filter((i) => i.path === '' || i.path === 'rules')} />
      {mine.map(([rule, index]) => (
        <fieldset key={index}>
          <legend>Rule {index + 1} (priority)</legend>
          <CheckField
            label="Enabled"
            path={['rules', index, 'enabled']}
            issues={issues}
            checked={rule.enabled !== false}
            onChange={(enabled) => update(index, { enabled })}
          />
          <TextField
            label="Pages (one pattern a line; none: every page)"
            hint="/app/* matches the path; https://app.example.com/* the whole URL"
            multiline
            path={['rules', index, 'pages']}
            issues={issues}
            value={(rule.pages ?? []).join('\n')}
            onChange={(v) => update(index, { pages: parseList(v.replace(/,/g, '\n')) })}
          />
          <div class="row">
            <TextField
              label="Rollout (% of matching users)"
              type="number"
              path={['rules', index, 'rolloutPercent']}
              issues={issues}
              value={String(rule.rolloutPercent ?? 100)}
              onChange={(v) => update(index, { rolloutPercent: Number(v) })}
            />
            <TextField
              label="Starts"
              type="datetime-local"
              path={['rules', index, 'startAt']}
              issues={issues}
              value={toLocalInput(rule.startAt)}
              onChange={(v) => update(index, { startAt: fromLocalInput(v) })}
            />
            <TextField
              label="Ends"
              type="datetime-local"
              path={['rules', index, 'endAt']}
              issues={issues}
              value={toLocalInput(rule.endAt)}
              onChange={(v) => update(index, { endAt: fromLocalInput(v) })}
            />
          </div>
          <TextField
            label="User traits (JSON list of conditions)"
            hint='Set by your server. e.g. [{"key":"plan","op":"eq","value":"pro"}]'
            multiline
            path={['rules', index, 'traits']}
            issues={issues}
            value={traitText[index] ?? JSON.stringify(rule.traits ?? [])}
            onChange={(v) => setTraitText({ ...traitText, [index]: v })}
          />
          <button
            type="button"
            class="danger"
            onClick={() => {
              setTraitText({});
              loaded.setData({ etag, rules: rules.filter((_, i) => i !== index) });
            }}
          >
            Remove rule {index + 1}
          </button>
        </fieldset>
      ))}
      <div class="actions">
        <button
          type="button"
          onClick={() =>
            loaded.setData({
              etag,
              rules: [...rules, { flowId, enabled: true, pages: [], traits: [], rolloutPercent: 100 }],
            })
          }
        >
          Add a rule
        </button>
        <button type="submit">Save targeting</button>
      </div>
    </form>
  );
}
