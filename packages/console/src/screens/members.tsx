import type { Member, Role } from '@smart-onboarding/protocol';
import { useState } from 'preact/hooks';
import { describeFailure, issuesOf, request } from '../api';
import type { FieldIssue } from '../draft-model';
import { Notice, SelectField, TextField, when } from '../fields';
import { hrefOf } from '../route';
import { useLoad } from '../use-load';

const ROLES: readonly Role[] = ['owner', 'editor', 'viewer'];

/** The team: invitations (the link is shown once), roles, removal. */
export function Members({ tenantId, selfId }: { tenantId: string; selfId: string }) {
  const members = useLoad(
    async () => (await request<{ members: Member[] }>('GET', '/v1/admin/members')).data.members,
    [],
  );
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [invitation, setInvitation] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const run = async (action: () => Promise<void>, done: string) => {
    setMessage(null);
    try {
      await action();
      setMessage({ kind: 'ok', text: done });
      members.reload();
    } catch (err) {
      setIssues(issuesOf(err));
      setMessage({ kind: 'error', text: describeFailure(err) });
    }
  };
  const invite = (e: Event) => {
    e.preventDefault();
    run(async () => {
      const { data } = await request<{ invitationToken: string }>('POST', '/v1/admin/members', {
        body: { email, role },
      });
      const link = new URL(
        hrefOf({ screen: 'accept', tenantId, token: data.invitationToken }),
        location.href,
      );
      setInvitation(link.toString());
      setIssues([]);
      setEmail('');
    }, `Invited ${email} as ${role}.`);
  };

  return (
    <div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {invitation && (
        <section class="secret" aria-labelledby="invite-link">
          <p id="invite-link">Send this link to the person you invited (valid 7 days, shown once):</p>
          <p>
            <code>{invitation}</code>
          </p>
        </section>
      )}
      <form onSubmit={invite} aria-labelledby="invite-title">
        <h2 id="invite-title">Invite someone</h2>
        <div class="row">
          <TextField
            label="E-mail"
            type="email"
            path={['email']}
            issues={issues}
            value={email}
            onChange={setEmail}
          />
          <SelectField
            label="Role"
            path={['role']}
            issues={issues}
            value={role}
            options={ROLES}
            onChange={(v) => setRole(v as Role)}
          />
        </div>
        <p class="hint">Viewers read; editors also author and publish; owners also manage people and keys.</p>
        <button type="submit">Invite</button>
      </form>
      <h2>Team</h2>
      {members.error && <Notice kind="error">{members.error}</Notice>}
      <table>
        <thead>
          <tr>
            <th scope="col">E-mail</th>
            <th scope="col">Status</th>
            <th scope="col">Since</th>
            <th scope="col">Role</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {(members.data ?? []).map((m) => (
            <tr key={m.id}>
              <td>
                {m.email}
                {m.id === selfId ? ' (you)' : ''}
              </td>
              <td>{m.status}</td>
              <td>{when(m.createdAt)}</td>
              <td>
                <select
                  aria-label={`Role of ${m.email}`}
                  value={m.role}
                  onChange={(e) => {
                    const next = (e.currentTarget as HTMLSelectElement).value;
                    run(
                      () =>
                        request('PATCH', `/v1/admin/members/${m.id}`, { body: { role: next } }).then(
                          () => {},
                        ),
                      `${m.email} is now ${next}; their sessions ended.`,
                    );
                  }}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  class="danger"
                  onClick={() =>
                    run(
                      () => request('DELETE', `/v1/admin/members/${m.id}`).then(() => {}),
                      `Removed ${m.email}.`,
                    )
                  }
                >
                  Remove {m.email}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
