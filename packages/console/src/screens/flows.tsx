import type { AdminFlowSummary } from '@smart-onboarding/protocol';
import { useState } from 'preact/hooks';
import { request } from '../api';
import { Issues, Notice, when } from '../fields';
import { hrefOf } from '../route';
import { useLoad } from '../use-load';

const SLUG = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Every flow with a draft or a published version, and a way to start a new one. */
export function Flows() {
  const flows = useLoad(
    async () => (await request<{ flows: AdminFlowSummary[] }>('GET', '/v1/admin/flows')).data.flows,
    [],
  );
  const [newId, setNewId] = useState('');
  const [issue, setIssue] = useState<string | null>(null);
  const start = (e: Event) => {
    e.preventDefault();
    if (!SLUG.test(newId)) {
      setIssue('lower-case letters, digits, "-" and "_", starting with a letter or digit');
      return;
    }
    location.hash = hrefOf({ screen: 'flow', flowId: newId, tab: 'draft' });
  };
  return (
    <div>
      {flows.error && <Notice kind="error">{flows.error}</Notice>}
      <table>
        <thead>
          <tr>
            <th scope="col">Flow</th>
            <th scope="col">Id</th>
            <th scope="col">Live version</th>
            <th scope="col">Draft revision</th>
            <th scope="col">Changed</th>
          </tr>
        </thead>
        <tbody>
          {(flows.data ?? []).map((f) => (
            <tr key={f.id}>
              <td>
                <a href={hrefOf({ screen: 'flow', flowId: f.id, tab: 'draft' })}>{f.name}</a>
              </td>
              <td>
                <code>{f.id}</code>
              </td>
              <td>{f.latestVersion ? `v${f.latestVersion}` : 'never published'}</td>
              <td>{f.draftRevision || 'none'}</td>
              <td>{when(f.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {flows.data?.length === 0 && <p>No flows yet.</p>}
      <form onSubmit={start} aria-labelledby="new-flow">
        <h2 id="new-flow">New flow</h2>
        <div class={issue ? 'field invalid' : 'field'}>
          <label for="f-new-flow">Flow id</label>
          <input
            id="f-new-flow"
            value={newId}
            aria-invalid={issue ? 'true' : undefined}
            aria-describedby={issue ? 'f-new-flow-issues' : undefined}
            onInput={(e) => {
              setNewId((e.currentTarget as HTMLInputElement).value);
              setIssue(null);
            }}
          />
          <Issues id="f-new-flow-issues" issues={issue ? [{ path: 'id', message: issue }] : []} />
        </div>
        <button type="submit">Start a draft</button>
      </form>
    </div>
  );
}
