import { describe, expect, it } from 'vitest';
import { json } from '../helpers';
import { asMember, asServer, memberOf, team } from './console-client';

type Code = { error: { code: string; details?: { issues: { path: string }[] } } };

describe('help articles edited one by one (admin API)', () => {
  it('creates, replaces, lists and deletes one article, audited, without touching the others', async () => {
    const { tenant, owner } = await team();
    const other = { id: 'billing', title: 'Billing', body: 'Invoices live under **Settings**.' };
    await asServer(tenant, '/v1/help/articles', {
      method: 'PUT',
      body: JSON.stringify({ articles: [other] }),
    });
    const put = (id: string, body: unknown, session = owner) =>
      asMember(session, `/v1/admin/help/articles/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body: JSON.stringify(body),
      });

    const created = await put('getting-started', { title: 'Getting started', body: '# Hello' });
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({
      article: { id: 'getting-started', title: 'Getting started', body: '# Hello' },
      // This pool's Azure stand-in is unreachable: the article is stored, ranked by words until embedded.
      embedded: false,
    });
    const replaced = await put('getting-started', {
      title: 'Start here',
      body: '# Hi',
      url: 'https://docs.example.com/start',
    });
    expect(replaced.status).toBe(200);

    const listed = await json<{ articles: unknown[] }>(await asMember(owner, '/v1/admin/help/articles'));
    expect(listed.articles).toEqual([
      other,
      { id: 'getting-started', title: 'Start here', body: '# Hi', url: 'https://docs.example.com/start' },
    ]);
    // The secret-key library read sees the same articles.
    expect(await json(await asServer(tenant, '/v1/help/articles'))).toEqual(listed);

    expect(
      (await asMember(owner, '/v1/admin/help/articles/getting-started', { method: 'DELETE' })).status,
    ).toBe(204);
    const again = await asMember(owner, '/v1/admin/help/articles/getting-started', { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect((await json<Code>(again)).error.code).toBe('not_found');
    expect(await json(await asMember(owner, '/v1/admin/help/articles'))).toEqual({ articles: [other] });

    // The admin API takes the secret key too, so scripts can do what the console does.
    const scripted = await asServer(tenant, '/v1/admin/help/articles/scripted', {
      method: 'PUT',
      body: JSON.stringify({ title: 'Scripted', body: 'From a script.' }),
    });
    expect(scripted.status).toBe(201);
    expect((await asServer(tenant, '/v1/admin/help/articles/scripted', { method: 'DELETE' })).status).toBe(
      204,
    );

    const audit = await json<{ entries: { action: string }[] }>(await asMember(owner, '/v1/admin/audit'));
    const actions = audit.entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['saveHelpArticle', 'deleteHelpArticle']));
  });

  it('refuses bad articles with field paths, and viewers', async () => {
    const { tenant, owner } = await team();
    const put = (body: unknown, session = owner, id = 'a') =>
      asMember(session, `/v1/admin/help/articles/${id}`, { method: 'PUT', body: JSON.stringify(body) });
    for (const [body, path] of [
      [{ title: '', body: 'x' }, 'title'],
      [{ title: 'T', body: 'x'.repeat(20_001) }, 'body'],
      [{ title: 'T', body: 'x', url: 'javascript:alert(1)' }, 'url'],
      [{ title: 'T', body: 'x', id: 'other' }, ''],
      [{ title: 7, body: 'x' }, 'title'],
    ] as const) {
      const res = await put(body);
      expect(res.status).toBe(400);
      const err = await json<Code>(res);
      expect(err.error.code).toBe('validation_failed');
      if (path) expect(err.error.details?.issues.map((i) => i.path)).toContain(path);
    }
    expect((await put({ title: 'T', body: 'x' }, owner, 'x'.repeat(129))).status).toBe(400);
    const viewer = await memberOf(tenant, `v@${tenant.id}.test`, 'viewer');
    const refused = await put({ title: 'T', body: 'x' }, viewer);
    expect(refused.status).toBe(403);
    expect((await json<Code>(refused)).error.code).toBe('role_forbidden');
    expect((await asMember(viewer, '/v1/admin/help/articles/a', { method: 'DELETE' })).status).toBe(403);
    expect(await json(await asMember(viewer, '/v1/admin/help/articles'))).toEqual({ articles: [] });
  });
});
