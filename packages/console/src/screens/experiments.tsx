import type { Experiment, ExperimentResults } from '@smart-onboarding/protocol';
import { useState } from 'preact/hooks';
import { describeFailure, request } from '../api';
import { Notice, when } from '../fields';
import { percent, points, pointsInterval } from '../insight/format';
import { useLoad } from '../use-load';
import { ExperimentForm } from './experiment-form';

const variantText = (e: Experiment) =>
  e.variants.map((v) => `${v.name} (weight ${v.weight}, ${v.arm ?? `version ${v.flowVersion}`})`).join(', ');

/** An experiment's verdict as the edge words it ("winner: X" or "keep running"), with the intervals. */
function Results({ experimentId }: { experimentId: string }) {
  const results = useLoad(
    async () =>
      (await request<ExperimentResults>('GET', `/v1/admin/experiments/${experimentId}/results`)).data,
    [experimentId],
  );
  if (results.error) return <Notice kind="error">{results.error}</Notice>;
  const r = results.data;
  if (!r) return <p>Loading the results…</p>;
  return (
    <section aria-labelledby="results-title" class="results">
      <h2 id="results-title">Results of {experimentId}</h2>
      <p class="verdict">
        Verdict: <strong>{r.summary}</strong>
      </p>
      <p class="hint">
        Method: {r.method}, α = {r.alpha}: the intervals stay valid however often you look, so looking early
        is safe. As of {when(r.generatedAt)}.{' '}
        <button type="button" onClick={results.reload}>
          Refresh the results
        </button>
      </p>
      <table class="variants">
        <caption>Completion per variant (the control is {r.control})</caption>
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col">Exposed</th>
            <th scope="col">Completed</th>
            <th scope="col">Abandoned</th>
            <th scope="col">Completion</th>
          </tr>
        </thead>
        <tbody>
          {r.variants.map((v) => (
            <tr key={v.name}>
              <th scope="row">{v.name}</th>
              <td>{v.exposed}</td>
              <td>{v.completed}</td>
              <td>{v.abandoned}</td>
              <td>{percent(v.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table class="comparisons">
        <caption>Each variant against {r.control}: difference in completion, always-valid interval</caption>
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col">Difference</th>
            <th scope="col">Interval</th>
            <th scope="col">Says</th>
          </tr>
        </thead>
        <tbody>
          {r.comparisons.map((c) => (
            <tr key={c.variant}>
              <th scope="row">{c.variant}</th>
              <td>{points(c.difference.estimate)}</td>
              <td>{pointsInterval([c.difference.lower, c.difference.upper])}</td>
              <td>{c.verdict.replace(/_/g, ' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The tenant's experiments: start one, stop one, read what it says. */
export function Experiments() {
  const list = useLoad(
    async () =>
      (await request<{ experiments: Experiment[] }>('GET', '/v1/admin/experiments')).data.experiments,
    [],
  );
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [shown, setShown] = useState<string | null>(null);

  const stop = async (id: string) => {
    setMessage(null);
    try {
      await request('POST', `/v1/admin/experiments/${id}/stop`);
      setMessage({ kind: 'ok', text: `Stopped ${id}: no new user is assigned; the results stay readable.` });
      list.reload();
    } catch (err) {
      setMessage({ kind: 'error', text: describeFailure(err) });
    }
  };

  return (
    <>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {list.error && <Notice kind="error">{list.error}</Notice>}
      {list.data && list.data.length === 0 && <p>No experiment yet.</p>}
      {list.data && list.data.length > 0 && (
        <table class="experiments">
          <caption>Experiments, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Experiment</th>
              <th scope="col">Flow</th>
              <th scope="col">Variants</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((e) => (
              <tr key={e.id} data-experiment={e.id}>
                <th scope="row">
                  {e.name} <code>{e.id}</code>
                </th>
                <td>{e.flowId}</td>
                <td>{variantText(e)}</td>
                <td>{e.status === 'running' ? 'running' : `stopped ${when(e.stoppedAt)}`}</td>
                <td>{when(e.createdAt)}</td>
                <td>
                  <div class="actions">
                    <button type="button" onClick={() => setShown(e.id)}>
                      Results of {e.id}
                    </button>
                    {e.status === 'running' && (
                      <button type="button" class="danger" onClick={() => stop(e.id)}>
                        Stop {e.id}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown && (
        <Results key={`${shown}:${list.data?.find((e) => e.id === shown)?.status}`} experimentId={shown} />
      )}
      <ExperimentForm
        onCreated={(e) => {
          setMessage({ kind: 'ok', text: `Started ${e.id} on ${e.flowId}.` });
          setShown(e.id);
          list.reload();
        }}
      />
    </>
  );
}
