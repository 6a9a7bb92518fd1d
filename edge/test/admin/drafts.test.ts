import { describe, expect, it } from 'vitest';
import { api, json } from '../helpers';
import { asMember, type ConsoleSession, memberOf, team } from './console-client';

const flow = (title: string, extra: Record<string, unknown> = {}) => ({
  id: 'welcome',
  name: 'Welcome',
  steps: [
    { id: 'start', title, target: { selector: '#start' } },
    { id: 'next', title: 'Next', prerequisites: ['start'], ...extra },
  ],
});

type Draft = {
  revision: number;
  issues: Array<{ path: string; message: string }>;
  latestVersion: number | null;
};
type ErrorOf = { error: { code: string; details?: { revision?: number; issues?: Array<{ path: string }> } } };

function save(session: ConsoleSession, body: unknown, ifMatch?: string) {
  return asMember(session, '/v1/admin/flows/welcome/draft', {
    method: 'PUT',
    headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
    body: JSON.stringify(body),
  });
}
const publish = (session: ConsoleSession, ifMatch: string) =>
  asMember(session, '/v1/admin/flows/welcome/publish', { method: 'POST', headers: { 'if-match': ifMatch } });

describe('flow drafts, publishing, history, diff and rollback', () => {
  it('versions drafts with ETags: a stale or missing If-Match is refused, never a lost edit', async () => {
    const { tenant, owner } = await team();
    const editor = await memberOf(tenant, `ed@${tenant.id}.test`, 'editor');
    expect((await save(owner, flow('One'))).status).toBe(428);
    const created = await save(owner, flow('One'), '"0"');
    expect(created.status).toBe(200);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(await json<Draft>(created)).toMatchObject({ revision: 1, issues: [], latestVersion: null });
    expect((await save(editor, flow('Again'), '"0"')).status).toBe(412);

    // Two editors opened revision 1; the first save wins, the second is told, with the revision to reload.
    expect((await save(owner, flow('Owner edit'), '"1"')).status).toBe(200);
    const late = await save(editor, flow('Editor edit'), '"1"');
    expect(late.status).toBe(412);
    expect(await json<ErrorOf>(late)).toMatchObject({
      error: { code: 'precondition_failed', details: { revision: 2 } },
    });

    // Saving the same revision at the same moment: exactly one wins.
    const racing = await Promise.all([save(owner, flow('A'), '"2"'), save(editor, flow('B'), '"2"')]);
    expect(racing.map((r) => r.status).sort()).toEqual([200, 412]);
    const read = await asMember(editor, '/v1/admin/flows/welcome/draft');
    expect(read.headers.get('etag')).toBe('"3"');
    expect((await save(owner, flow('x'), 'garbage')).status).toBe(400);
  });

  it('shows validation problems next to their fields and refuses to publish them; the published flow does not change', async () => {
    const { tenant, owner } = await team();
    await save(owner, flow('One'), '"0"');
    expect((await publish(owner, '"1"')).status).toBe(201);
    const cyclic = {
      id: 'welcome',
      name: '',
      steps: [
        { id: 'start', title: 'Start', prerequisites: ['next'] },
        { id: 'next', title: 'Next', prerequisites: ['start'] },
        { id: 'third', title: 'Third', prerequisites: ['nowhere'] },
      ],
    };
    const saved = await json<Draft>(await save(owner, cyclic, '"1"'));
    expect(saved.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'name' })]));
    const refused = await publish(owner, '"2"');
    expect(refused.status).toBe(400);
    const body = await json<ErrorOf>(refused);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details?.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['name']));

    const graph = { ...cyclic, name: 'Welcome' };
    const graphDraft = await json<Draft>(await save(owner, graph, '"2"'));
    expect(graphDraft.issues).toEqual([
      { path: 'steps.2.prerequisites', message: 'step "third" requires unknown step "nowhere"' },
    ]);

    const live = await api('/v1/flows/welcome', { headers: { 'x-so-key': tenant.publishableKey } });
    expect(await json(live)).toMatchObject({
      version: 1,
      flow: { steps: [{ title: 'One' }, { id: 'next' }] },
    });

    const wrongId = await json<Draft>(await save(owner, { ...flow('One'), id: 'other' }, '"3"'));
    expect(wrongId.issues).toEqual([{ path: 'id', message: 'must be "welcome", the flow being edited' }]);
  });

  it('publishes immutable versions, lists history with actors, diffs, and rolls back as a new version', async () => {
    const { tenant, owner } = await team();
    await save(owner, flow('One'), '"0"');
    expect((await publish(owner, '"2"')).status).toBe(412);
    expect(await json(await publish(owner, '"1"'))).toMatchObject({ created: true, flow: { version: 1 } });
    expect((await publish(owner, '"1"')).status).toBe(200);
    await save(owner, flow('Two', { goal: { kind: 'click', selector: '#go' } }), '"1"');
    expect(await json(await publish(owner, '"2"'))).toMatchObject({ created: true, flow: { version: 2 } });

    const diff = await json<{ changes: Array<{ path: string; kind: string }> }>(
      await asMember(owner, '/v1/admin/flows/welcome/diff?from=1&to=2'),
    );
    expect(diff.changes).toEqual([
      { path: 'steps.start.title', kind: 'changed', before: 'One', after: 'Two' },
      {
        path: 'steps.next.goal',
        kind: 'changed',
        before: { kind: 'manual' },
        after: { kind: 'click', selector: '#go' },
      },
    ]);
    await save(owner, flow('Three', { goal: { kind: 'click', selector: '#go' } }), '"2"');
    const toDraft = await json<{ changes: unknown[] }>(
      await asMember(owner, '/v1/admin/flows/welcome/diff?from=2&to=draft'),
    );
    expect(toDraft.changes).toEqual([
      { path: 'steps.start.title', kind: 'changed', before: 'Two', after: 'Three' },
    ]);
    expect((await asMember(owner, '/v1/admin/flows/welcome/diff?from=1&to=9')).status).toBe(404);

    const back = await asMember(owner, '/v1/admin/flows/welcome/rollback', {
      method: 'POST',
      body: JSON.stringify({ version: 1 }),
    });
    expect(back.status).toBe(201);
    expect(await json(back)).toMatchObject({
      flow: { version: 3, flow: { steps: [{ title: 'One' }, { id: 'next' }] } },
    });
    const live = await json(
      await api('/v1/flows/welcome', { headers: { 'x-so-key': tenant.publishableKey } }),
    );
    expect(live).toMatchObject({ version: 3, flow: { steps: [{ title: 'One' }, { id: 'next' }] } });

    const history = await json<{ versions: Array<Record<string, unknown>> }>(
      await asMember(owner, '/v1/admin/flows/welcome/history'),
    );
    const actor = `member:${owner.memberId}`;
    expect(
      history.versions.map(({ version, kind, source, actor: a }) => ({ version, kind, source, actor: a })),
    ).toEqual([
      { version: 3, kind: 'rollback', source: 1, actor },
      { version: 2, kind: 'publish', source: 2, actor },
      { version: 1, kind: 'publish', source: 1, actor },
    ]);
    const list = await json<{ flows: unknown[] }>(await asMember(owner, '/v1/admin/flows'));
    expect(list.flows).toEqual([
      { id: 'welcome', name: 'Welcome', latestVersion: 3, draftRevision: 3, updatedAt: expect.any(Number) },
    ]);
  });

  it('lets viewers read drafts but not change or publish them, and keeps tenants apart', async () => {
    const { tenant, owner } = await team();
    const viewer = await memberOf(tenant, `v@${tenant.id}.test`, 'viewer');
    await save(owner, flow('One'), '"0"');
    expect((await asMember(viewer, '/v1/admin/flows/welcome/draft')).status).toBe(200);
    expect((await save(viewer, flow('Mine'), '"1"')).status).toBe(403);
    expect((await publish(viewer, '"1"')).status).toBe(403);
    const rollback = await asMember(viewer, '/v1/admin/flows/welcome/rollback', {
      method: 'POST',
      body: JSON.stringify({ version: 1 }),
    });
    expect(rollback.status).toBe(403);
    const other = await team();
    expect((await asMember(other.owner, '/v1/admin/flows/welcome/draft')).status).toBe(404);
    expect((await publish(other.owner, '"1"')).status).toBe(404);
  });
});
