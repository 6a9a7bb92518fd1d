import type { AuditEntry } from '@smart-onboarding/protocol';
import { describeActor, useTeamEmails } from '../actors';
import { request } from '../api';
import { Notice, when } from '../fields';
import { useLoad } from '../use-load';

/** Every change and sign-in, newest first, with who did it. */
export function Audit() {
  const log = useLoad(
    async () => (await request<{ entries: AuditEntry[] }>('GET', '/v1/admin/audit?limit=200')).data.entries,
    [],
  );
  const emails = useTeamEmails();
  if (log.error) return <Notice kind="error">{log.error}</Notice>;
  if (!log.data) return <p>Loading the audit log…</p>;
  return (
    <table class="audit">
      <caption>The last {log.data.length} entries</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">On</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {log.data.map((e) => (
          <tr key={e.id}>
            <td>{when(e.at)}</td>
            <td>{describeActor(e.keyId, emails)}</td>
            <td>{e.action}</td>
            <td>
              <code>{e.resource}</code>
            </td>
            <td>
              <code>{e.details === undefined ? '' : JSON.stringify(e.details)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
