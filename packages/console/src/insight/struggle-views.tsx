import type { HotspotsResponse, InterventionEffectiveness } from '@smart-onboarding/protocol';
import { useState } from 'preact/hooks';
import { Notice } from '../fields';
import { useLoad } from '../use-load';
import { DownloadCsv, get } from './download-csv';
import { csvHref, percent, points, pointsInterval } from './format';

const WINDOWS = [7, 30, 90] as const;

/** Where users struggle, step × element × signal over a window, with the trend of the recent half. */
export function Hotspots() {
  const [windowDays, setWindowDays] = useState<number>(30);
  const path = '/v1/analytics/struggle/hotspots';
  const spots = useLoad(() => get<HotspotsResponse>(`${path}?windowDays=${windowDays}`), [windowDays]);
  return (
    <section aria-labelledby="hotspots-title">
      <h2 id="hotspots-title">Struggle hot spots (all flows)</h2>
      <div class="field">
        <label for="f-hotspot-window">Over the last</label>
        <select
          id="f-hotspot-window"
          value={String(windowDays)}
          onChange={(e) => setWindowDays(Number((e.currentTarget as HTMLSelectElement).value))}
        >
          {WINDOWS.map((d) => (
            <option key={d} value={String(d)}>
              {d} days
            </option>
          ))}
        </select>
      </div>
      <DownloadCsv href={csvHref(path, { windowDays })} what="the struggle hot spots" />
      {spots.error && <Notice kind="error">{spots.error}</Notice>}
      {spots.data && spots.data.hotspots.length === 0 && <p>No struggle signal in this window.</p>}
      {spots.data && spots.data.hotspots.length > 0 && (
        <table class="hotspots">
          <caption>
            Signals from {spots.data.fromDay}, most first; the trend compares the days from{' '}
            {spots.data.recentFromDay} with the days before
          </caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Element</th>
              <th scope="col">Signal</th>
              <th scope="col">Total</th>
              <th scope="col">Recent</th>
              <th scope="col">Earlier</th>
              <th scope="col">Trend</th>
            </tr>
          </thead>
          <tbody>
            {spots.data.hotspots.map((h) => (
              <tr key={`${h.stepId}\n${h.element}\n${h.signal}`}>
                <td>{h.stepId}</td>
                <td>
                  {/* A selector the browser reported: shown as text, never as markup. */}
                  <code>{h.element}</code>
                </td>
                <td>{h.signal}</td>
                <td>{h.total}</td>
                <td>{h.recent}</td>
                <td>{h.earlier}</td>
                <td>{h.trend}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

type Comparison = Pick<InterventionEffectiveness, 'treated' | 'holdout' | 'uplift' | 'upliftCi95'>;

/** One table row: a group's shown and held-out shares, and the uplift with its 95 % interval. */
function ComparisonRow({ group, c }: { group: string; c: Comparison }) {
  return (
    <tr>
      <th scope="row">{group}</th>
      <td>
        {c.treated.progressed} / {c.treated.n} ({percent(c.treated.rate)})
      </td>
      <td>
        {c.holdout.progressed} / {c.holdout.n} ({percent(c.holdout.rate)})
      </td>
      <td>{points(c.uplift)}</td>
      <td>{pointsInterval(c.upliftCi95)}</td>
    </tr>
  );
}

/** Whether help works: users progressing after an intervention, shown against held out, with intervals. */
export function Effectiveness() {
  const path = '/v1/analytics/interventions/effectiveness';
  const report = useLoad(() => get<InterventionEffectiveness>(path), []);
  const r = report.data;
  const groups = (label: string, rows: Record<string, Comparison>) =>
    Object.entries(rows).map(([key, c]) => (
      <ComparisonRow key={`${label}:${key}`} group={`${label}: ${key}`} c={c} />
    ));
  return (
    <section aria-labelledby="effectiveness-title">
      <h2 id="effectiveness-title">Intervention effectiveness (all flows)</h2>
      <DownloadCsv href={csvHref(path)} what="the intervention effectiveness" />
      {report.error && <Notice kind="error">{report.error}</Notice>}
      {r && (
        <table class="effectiveness">
          <caption>
            Users progressing within {Math.round(r.windowMs / 60_000)} minutes of {r.interventions}{' '}
            intervention decisions: shown against held out, with 95 % intervals of the uplift
          </caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Shown</th>
              <th scope="col">Held out</th>
              <th scope="col">Uplift</th>
              <th scope="col">95 % interval</th>
            </tr>
          </thead>
          <tbody>
            <ComparisonRow group="All" c={r} />
            {groups('Kind', r.byKind)}
            {groups('Step', r.byStep)}
            {groups('Persona', r.byPersona)}
          </tbody>
        </table>
      )}
    </section>
  );
}
