import type { FunnelResponse, InsightSegment, TimeToCompleteResponse } from '@smart-onboarding/protocol';
import { useState } from 'preact/hooks';
import { Notice } from '../fields';
import { DownloadCsv, get } from '../insight/download-csv';
import { csvHref, duration, percent } from '../insight/format';
import { FunnelChart } from '../insight/funnel-chart';
import { Effectiveness, Hotspots } from '../insight/struggle-views';
import { useLoad } from '../use-load';

/** The splits a person picks from (the edge also splits by experiment, shown on the Experiments screen). */
const SPLITS: readonly [InsightSegment, string][] = [
  ['none', 'Nobody (all users together)'],
  ['persona', 'Persona'],
  ['arm', 'Arm (smart or adaptive)'],
  ['device', 'Device'],
  ['cohort', 'Cohort'],
  ['flowVersion', 'Flow version'],
];

function FunnelView({ flowId, by }: { flowId: string; by: InsightSegment }) {
  const path = `/v1/analytics/flows/${flowId}/funnel`;
  const funnel = useLoad(() => get<FunnelResponse>(`${path}?by=${by}`), [flowId, by]);
  const segments = funnel.data?.segments ?? [];
  const steps = segments[0]?.steps ?? [];
  return (
    <section aria-labelledby="funnel-title">
      <h2 id="funnel-title">Funnel</h2>
      <DownloadCsv href={csvHref(path, { by })} what="the funnel" />
      {funnel.error && <Notice kind="error">{funnel.error}</Notice>}
      {!funnel.data && !funnel.error && <p>Loading the funnel…</p>}
      {funnel.data && segments.length === 0 && <p>No journey has started this flow yet.</p>}
      {segments.length > 0 && (
        <>
          <FunnelChart
            steps={steps.map((s) => s.title)}
            lines={segments.map((s) => ({ label: s.segment, rates: s.steps.map((x) => x.rate) }))}
          />
          <table class="funnel">
            <caption>
              Users who completed each step, of those who started, per {by === 'none' ? 'flow' : by}
            </caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                {segments.map((s) => (
                  <th scope="col" key={s.segment}>
                    {s.segment}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr class="started">
                <th scope="row">Started</th>
                {segments.map((s) => (
                  <td key={s.segment}>{s.started}</td>
                ))}
              </tr>
              {steps.map((step, i) => (
                <tr key={step.stepId} data-step={step.stepId}>
                  <th scope="row">{step.title}</th>
                  {segments.map((s) => {
                    const x = s.steps[i];
                    return <td key={s.segment}>{x ? `${x.completed} (${percent(x.rate)})` : '—'}</td>;
                  })}
                </tr>
              ))}
              <tr class="abandoned">
                <th scope="row">Abandoned</th>
                {segments.map((s) => (
                  <td key={s.segment}>{s.abandoned}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function TimeView({ flowId, by }: { flowId: string; by: InsightSegment }) {
  const path = `/v1/analytics/flows/${flowId}/time-to-complete`;
  const times = useLoad(() => get<TimeToCompleteResponse>(`${path}?by=${by}`), [flowId, by]);
  return (
    <section aria-labelledby="time-title">
      <h2 id="time-title">Time to complete</h2>
      <DownloadCsv href={csvHref(path, { by })} what="the times to complete" />
      {times.error && <Notice kind="error">{times.error}</Notice>}
      {times.data && (
        <table class="times">
          <caption>From start to completion, of completed journeys (abandoned ones have no time)</caption>
          <thead>
            <tr>
              <th scope="col">Segment</th>
              <th scope="col">Started</th>
              <th scope="col">Completed</th>
              <th scope="col">Abandoned</th>
              <th scope="col">Median</th>
              <th scope="col">Mean</th>
              <th scope="col">90th percentile</th>
            </tr>
          </thead>
          <tbody>
            {times.data.segments.map((s) => (
              <tr key={s.segment}>
                <th scope="row">{s.segment}</th>
                <td>{s.started}</td>
                <td>{s.completed}</td>
                <td>{s.abandoned}</td>
                <td>{duration(s.medianMs)}</td>
                <td>{duration(s.meanMs)}</td>
                <td>{duration(s.p90Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A flow's Analytics tab: funnel and times split as chosen, then the tenant's hot spots and help that works. */
export function Analytics({ flowId }: { flowId: string }) {
  const [by, setBy] = useState<InsightSegment>('none');
  return (
    <>
      <div class="field">
        <label for="f-split">Split by</label>
        <select
          id="f-split"
          value={by}
          onChange={(e) => setBy((e.currentTarget as HTMLSelectElement).value as InsightSegment)}
        >
          {SPLITS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <FunnelView flowId={flowId} by={by} />
      <TimeView flowId={flowId} by={by} />
      <Hotspots />
      <Effectiveness />
    </>
  );
}
