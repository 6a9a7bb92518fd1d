import type { FlowChange, FlowDiffResponse, FlowHistoryEntry } from '@smart-onboarding/protocol';
import { useState } from 'preact/hooks';
import { describeActor, useTeamEmails } from '../actors';
import { ApiFailure, describeFailure, request } from '../api';
import { Notice, when } from '../fields';
import { useLoad } from '../use-load';

const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v));

function Changes({ diff }: { diff: FlowDiffResponse }) {
  const title = `Changes from ${diff.from === 'draft' ? 'the draft' : `version ${diff.from}`} to ${diff.to === 'draft' ? 'the draft' : `version ${diff.to}`}`;
  return (
    <section class="diff" aria-label={title}>
      <h2>{title}</h2>
      {diff.changes.length === 0 ? (
        <p>No differences.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Change</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {diff.changes.map((c: FlowChange) => (
              <tr key={c.path + c.kind}>
                <td>
                  <code>{c.path}</code>
                </td>
                <td>{c.kind}</td>
                <td>
                  <code>{show(c.before)}</code>
                </td>
                <td>
                  <code>{show(c.after)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Every published version of a flow, what changed in each, and rollback (as a new version). */
export function History({ flowId }: { flowId: string }) {
  const history = useLoad(async () => {
    try {
      return (await request<{ versions: FlowHistoryEntry[] }>('GET', `/v1/admin/flows/${flowId}/history`))
        .data.versions;
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 404) return [];
      throw err;
    }
  }, [flowId]);
  const emails = useTeamEmails();
  const [diff, setDiff] = useState<FlowDiffResponse | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);

  const compare = async (from: number | 'draft', to: number | 'draft') => {
    setMessage(null);
    try {
      setDiff(
        (await request<FlowDiffResponse>('GET', `/v1/admin/flows/${flowId}/diff?from=${from}&to=${to}`)).data,
      );
    } catch (err) {
      setDiff(null);
      setMessage({ kind: 'error', text: describeFailure(err) });
    }
  };
  const rollback = async (version: number) => {
    setConfirming(null);
    try {
      const { data } = await request<{ flow: { version: number }; created: boolean }>(
        'POST',
        `/v1/admin/flows/${flowId}/rollback`,
        { body: { version } },
      );
      setMessage({
        kind: 'ok',
        text: data.created
          ? `Rolled back: version ${data.flow.version} has the definition of version ${version}.`
          : `Version ${version} is already what is live.`,
      });
      history.reload();
    } catch (err) {
      setMessage({ kind: 'error', text: describeFailure(err) });
    }
  };

  if (history.error) return <Notice kind="error">{history.error}</Notice>;
  if (!history.data) return <p>Loading the history…</p>;
  const versions = history.data;
  return (
    <div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {versions.length === 0 ? (
        <p>Not published yet.</p>
      ) : (
        <>
          <table class="history">
            <caption>Published versions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Published</th>
                <th scope="col">By</th>
                <th scope="col">How</th>
                <th scope="col">Steps</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v, i) => (
                <tr key={v.version}>
                  <td>v{v.version}</td>
                  <td>{when(v.createdAt)}</td>
                  <td>{describeActor(v.actor, emails)}</td>
                  <td>
                    {v.kind === 'rollback'
                      ? `rollback to v${v.source}`
                      : v.kind === 'publish'
                        ? `draft revision ${v.source}`
                        : 'API'}
                  </td>
                  <td>{v.steps}</td>
                  <td class="actions">
                    {versions[i + 1] && (
                      <button type="button" onClick={() => compare(versions[i + 1]!.version, v.version)}>
                        Changes in v{v.version}
                      </button>
                    )}
                    {i > 0 &&
                      (confirming === v.version ? (
                        <>
                          <button type="button" class="danger" onClick={() => rollback(v.version)}>
                            Yes, make v{v.version} live again
                          </button>
                          <button type="button" onClick={() => setConfirming(null)}>
                            Cancel
                          </button>
                        </>
                      ) : (
                        <button type="button" onClick={() => setConfirming(v.version)}>
                          Roll back to v{v.version}
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => compare(versions[0]!.version, 'draft')}>
            Compare the draft with v{versions[0]!.version}
          </button>
        </>
      )}
      {diff && <Changes diff={diff} />}
    </div>
  );
}
