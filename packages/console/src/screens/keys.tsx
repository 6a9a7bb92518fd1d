import type { ApiKeyInfo } from '@smart-onboarding/protocol';
import { useState } from 'preact/hooks';
import { describeFailure, issuesOf, request } from '../api';
import type { FieldIssue } from '../draft-model';
import { Notice, TextField, when } from '../fields';
import { useLoad } from '../use-load';

interface Created {
  key: ApiKeyInfo;
  secret: string;
  revokedKeyId?: string;
}

/** The tenant's keys (create, rotate, revoke; a new key is shown once) and the origins browsers may use. */
export function Keys() {
  const keys = useLoad(
    async () => (await request<{ keys: ApiKeyInfo[] }>('GET', '/v1/admin/keys')).data.keys,
    [],
  );
  const origins = useLoad(
    async () => (await request<{ allowedOrigins: string[] }>('GET', '/v1/admin/origins')).data.allowedOrigins,
    [],
  );
  const [created, setCreated] = useState<Created | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [originText, setOriginText] = useState<string | null>(null);
  const [originIssues, setOriginIssues] = useState<FieldIssue[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);

  const act = async (run: () => Promise<Created | null>, done: string) => {
    setMessage(null);
    setConfirming(null);
    try {
      const result = await run();
      setCreated(result);
      setMessage({ kind: 'ok', text: done });
      keys.reload();
    } catch (err) {
      setMessage({ kind: 'error', text: describeFailure(err) });
    }
  };
  const create = (kind: 'publishable' | 'secret') =>
    act(
      async () => (await request<Created>('POST', '/v1/admin/keys', { body: { kind } })).data,
      `Created a ${kind} key.`,
    );
  const rotate = (id: string) =>
    act(
      async () => (await request<Created>('POST', `/v1/admin/keys/${id}/rotate`)).data,
      `Rotated ${id}: the old key no longer works.`,
    );
  const revoke = (id: string) =>
    act(async () => {
      await request('DELETE', `/v1/admin/keys/${id}`);
      return null;
    }, `Revoked ${id}.`);

  const saveOrigins = async (e: Event) => {
    e.preventDefault();
    const list = (originText ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      const { data } = await request<{ allowedOrigins: string[] }>('PUT', '/v1/admin/origins', {
        body: { allowedOrigins: list },
      });
      origins.setData(data.allowedOrigins);
      setOriginText(null);
      setOriginIssues([]);
      setMessage({ kind: 'ok', text: 'Saved the allowed origins.' });
    } catch (err) {
      // `allowedOrigins.2` names the line: say which one, next to the field.
      setOriginIssues(
        issuesOf(err).map((i) => {
          const line = /^allowedOrigins\.(\d+)$/.exec(i.path)?.[1];
          return {
            path: 'allowedOrigins',
            message:
              line === undefined
                ? i.message
                : `line ${Number(line) + 1} (${list[Number(line)]}): ${i.message}`,
          };
        }),
      );
      setMessage({ kind: 'error', text: describeFailure(err) });
    }
  };

  return (
    <div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {created && (
        <section class="secret" aria-labelledby="new-key">
          <p id="new-key">
            Your new {created.key.kind} key. Copy it now: it is stored only as a hash and never shown again.
          </p>
          <p>
            <code>{created.secret}</code>
          </p>
        </section>
      )}
      <section aria-labelledby="keys-title">
        <h2 id="keys-title">API keys</h2>
        {keys.error && <Notice kind="error">{keys.error}</Notice>}
        <div class="actions">
          <button type="button" onClick={() => create('publishable')}>
            New publishable key
          </button>
          <button type="button" onClick={() => create('secret')}>
            New secret key
          </button>
        </div>
        <table>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Kind</th>
              <th scope="col">Created</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {(keys.data ?? []).map((k) => (
              <tr key={k.id}>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{k.kind}</td>
                <td>{when(k.createdAt)}</td>
                <td>{k.revokedAt ? `revoked ${when(k.revokedAt)}` : 'live'}</td>
                <td class="actions">
                  {!k.revokedAt && (
                    <>
                      <button type="button" onClick={() => rotate(k.id)}>
                        Rotate {k.prefix}
                      </button>
                      {confirming === k.id ? (
                        <button type="button" class="danger" onClick={() => revoke(k.id)}>
                          Yes, revoke {k.prefix}
                        </button>
                      ) : (
                        <button type="button" onClick={() => setConfirming(k.id)}>
                          Revoke {k.prefix}
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="origins-title">
        <h2 id="origins-title">Allowed origins</h2>
        {origins.error && <Notice kind="error">{origins.error}</Notice>}
        <form onSubmit={saveOrigins}>
          <TextField
            label="Origins that may use the publishable keys (one a line)"
            hint="https://app.example.com, http://localhost:*, https://*.example.com"
            multiline
            path={['allowedOrigins']}
            issues={originIssues}
            value={originText ?? (origins.data ?? []).join('\n')}
            onChange={setOriginText}
          />
          <button type="submit">Save origins</button>
        </form>
      </section>
    </div>
  );
}
