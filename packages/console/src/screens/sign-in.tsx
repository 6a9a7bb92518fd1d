import type { SessionResponse } from '@smart-onboarding/protocol';
import { useState } from 'preact/hooks';
import { describeFailure, issuesOf, request } from '../api';
import type { FieldIssue } from '../draft-model';
import { Notice, TextField } from '../fields';

const LAST_TEAM = 'so-console-team';

/** Signs a member in with e-mail and password; the edge sets the HttpOnly session cookie. */
export function SignIn({ onSignedIn }: { onSignedIn: (session: SessionResponse) => void }) {
  const [tenantId, setTenantId] = useState(() => localStorage.getItem(LAST_TEAM) ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { data } = await request<SessionResponse>('POST', '/v1/admin/session', {
        body: { tenantId, email, password },
      });
      localStorage.setItem(LAST_TEAM, tenantId);
      onSignedIn(data);
    } catch (err) {
      setIssues(issuesOf(err));
      setError(describeFailure(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="narrow">
      <h1>Sign in to Smart Onboarding</h1>
      <form onSubmit={submit} aria-label="Sign in">
        {error && <Notice kind="error">{error}</Notice>}
        <TextField
          label="Team (tenant id)"
          path={['tenantId']}
          issues={issues}
          value={tenantId}
          autocomplete="organization"
          required
          onChange={setTenantId}
        />
        <TextField
          label="E-mail"
          type="email"
          path={['email']}
          issues={issues}
          value={email}
          autocomplete="username"
          required
          onChange={setEmail}
        />
        <TextField
          label="Password"
          type="password"
          path={['password']}
          issues={issues}
          value={password}
          autocomplete="current-password"
          required
          onChange={setPassword}
        />
        <button type="submit" aria-disabled={busy ? 'true' : undefined}>
          Sign in
        </button>
      </form>
    </main>
  );
}

/** Sets the password of an invited member from the invitation link, then asks them to sign in. */
export function AcceptInvitation({ tenantId, token }: { tenantId: string; token: string }) {
  const [password, setPassword] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const { data } = await request<{ member: { email: string } }>('POST', '/v1/admin/invitations/accept', {
        body: { tenantId, token, password },
      });
      localStorage.setItem(LAST_TEAM, tenantId);
      // The token is spent: keep it out of the address bar and the history.
      history.replaceState(null, '', location.pathname);
      setIssues([]);
      setMessage({ kind: 'ok', text: `Welcome, ${data.member.email}. Sign in with your new password.` });
    } catch (err) {
      setIssues(issuesOf(err));
      setMessage({ kind: 'error', text: describeFailure(err) });
    }
  };
  return (
    <main class="narrow">
      <h1>Join team {tenantId}</h1>
      <form onSubmit={submit} aria-label="Accept the invitation">
        {message && <Notice kind={message.kind}>{message.text}</Notice>}
        <TextField
          label="Choose a password"
          type="password"
          hint="At least 12 characters."
          path={['password']}
          issues={issues}
          value={password}
          autocomplete="new-password"
          required
          onChange={setPassword}
        />
        <button type="submit">Set my password</button>
        {message?.kind === 'ok' && <a href="#/flows">Go to sign-in</a>}
      </form>
    </main>
  );
}
