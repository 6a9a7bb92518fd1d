import { describe, expect, it } from 'vitest';
import { json } from '../helpers';
import { asMember, asServer, memberOf, team } from './console-client';

type Code = { error: { code: string } };
const codeOf = async (res: Response) => (await json<Code>(res)).error.code;

describe('members and roles', () => {
  it('lets owners invite, change roles and remove, and audits each change with its actor', async () => {
    const { tenant, owner } = await team();
    const invited = await asMember(owner, '/v1/admin/members', {
      method: 'POST',
      body: JSON.stringify({ email: `Bea@${tenant.id}.TEST`, role: 'viewer' }),
    });
    expect(invited.status).toBe(201);
    const { member } = await json<{ member: { id: string; email: string; status: string } }>(invited);
    expect(member).toMatchObject({ email: `bea@${tenant.id}.test`, status: 'invited' });

    const promoted = await asMember(owner, `/v1/admin/members/${member.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ role: 'editor' }),
    });
    expect(promoted.status).toBe(200);
    expect(await json(promoted)).toMatchObject({ role: 'editor' });
    expect((await asMember(owner, `/v1/admin/members/${member.id}`, { method: 'DELETE' })).status).toBe(204);

    const audit = await json<{ entries: Array<{ action: string; keyId: string; details?: unknown }> }>(
      await asMember(owner, '/v1/admin/audit'),
    );
    const mine = audit.entries.filter((e) => e.keyId === `member:${owner.memberId}`).map((e) => e.action);
    expect(mine).toEqual(expect.arrayContaining(['inviteMember', 'updateMember', 'removeMember', 'signIn']));
    expect(audit.entries.find((e) => e.action === 'updateMember')?.details).toEqual({
      from: 'viewer',
      to: 'editor',
    });
  });

  it('refuses every way a viewer or an editor could raise their own rights (role escalation)', async () => {
    const { tenant, owner } = await team();
    const viewer = await memberOf(tenant, `viewer@${tenant.id}.test`, 'viewer');
    const editor = await memberOf(tenant, `editor@${tenant.id}.test`, 'editor');
    for (const [who, session] of [
      ['viewer', viewer],
      ['editor', editor],
    ] as const) {
      const self = await asMember(session, `/v1/admin/members/${session.memberId}`, {
        method: 'PATCH',
        body: JSON.stringify({ role: 'owner' }),
      });
      expect(self.status, who).toBe(403);
      expect(await codeOf(self), who).toBe('role_forbidden');
      const invite = await asMember(session, '/v1/admin/members', {
        method: 'POST',
        body: JSON.stringify({ email: `sock-puppet-${who}@${tenant.id}.test`, role: 'owner' }),
      });
      expect(invite.status, who).toBe(403);
      const key = await asMember(session, '/v1/admin/keys', {
        method: 'POST',
        body: JSON.stringify({ kind: 'secret' }),
      });
      expect(key.status, who).toBe(403);
      const remove = await asMember(session, `/v1/admin/members/${owner.memberId}`, { method: 'DELETE' });
      expect(remove.status, who).toBe(403);
      // A role smuggled into other bodies is refused, not ignored into a privilege.
      const smuggled = await asMember(session, '/v1/admin/members', {
        method: 'POST',
        body: JSON.stringify({ email: `x@${tenant.id}.test`, role: 'admin' }),
      });
      expect(smuggled.status, who).toBe(403);
    }
    const members = await json<{ members: Array<{ email: string; role: string }> }>(
      await asMember(viewer, '/v1/admin/members'),
    );
    expect(members.members.map((m) => `${m.email}:${m.role}`).sort()).toEqual(
      [
        `editor@${tenant.id}.test:editor`,
        `owner@${tenant.id}.test:owner`,
        `viewer@${tenant.id}.test:viewer`,
      ].sort(),
    );
  });

  it('ends the sessions of a member whose role changes, so no session keeps old rights', async () => {
    const { tenant, owner } = await team();
    const editor = await memberOf(tenant, `demoted@${tenant.id}.test`, 'owner');
    expect((await asMember(editor, '/v1/admin/keys')).status).toBe(200);
    await asMember(owner, `/v1/admin/members/${editor.memberId}`, {
      method: 'PATCH',
      body: JSON.stringify({ role: 'viewer' }),
    });
    const after = await asMember(editor, '/v1/admin/keys');
    expect(after.status).toBe(401);
    expect(await codeOf(after)).toBe('session_required');
  });

  it('never leaves a team without an owner', async () => {
    const { owner } = await team();
    const demote = await asMember(owner, `/v1/admin/members/${owner.memberId}`, {
      method: 'PATCH',
      body: JSON.stringify({ role: 'editor' }),
    });
    expect(demote.status).toBe(409);
    expect(await codeOf(demote)).toBe('last_owner');
    const remove = await asMember(owner, `/v1/admin/members/${owner.memberId}`, { method: 'DELETE' });
    expect(remove.status).toBe(409);
    expect((await asMember(owner, '/v1/admin/members')).status).toBe(200);
  });

  it("cannot reach another tenant's members", async () => {
    const a = await team();
    const b = await team();
    const patch = await asMember(a.owner, `/v1/admin/members/${b.owner.memberId}`, {
      method: 'PATCH',
      body: JSON.stringify({ role: 'viewer' }),
    });
    expect(patch.status).toBe(404);
    expect(
      (await asMember(a.owner, `/v1/admin/members/${b.owner.memberId}`, { method: 'DELETE' })).status,
    ).toBe(404);
    // With b's secret key, b's owner is still there and still an owner.
    const list = await json<{ members: Array<{ id: string; role: string }> }>(
      await asServer(b.tenant, '/v1/admin/members'),
    );
    expect(list.members).toEqual([expect.objectContaining({ id: b.owner.memberId, role: 'owner' })]);
  });

  it('refuses a second invitation for the same e-mail and invalid roles', async () => {
    const { tenant, owner } = await team();
    const again = await asMember(owner, '/v1/admin/members', {
      method: 'POST',
      body: JSON.stringify({ email: `owner@${tenant.id}.test`, role: 'viewer' }),
    });
    expect(again.status).toBe(409);
    const bad = await asMember(owner, '/v1/admin/members', {
      method: 'POST',
      body: JSON.stringify({ email: `new@${tenant.id}.test`, role: 'superuser' }),
    });
    expect(bad.status).toBe(400);
    expect(await codeOf(bad)).toBe('validation_failed');
  });
});
