import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  ErrorBody,
  Id,
  InviteMemberRequest,
  InviteMemberResponse,
  Member,
  MemberListResponse,
  UpdateMemberRequest,
} from '@smart-onboarding/protocol';
import { z } from 'zod';
import {
  deleteMember,
  findMember,
  insertInvitedMember,
  listMembers,
  publicMember,
  updateMemberRole,
} from '../../adapters/d1/queries/members';
import { sha256Hex } from '../../crypto/hmac';
import type { AppEnv } from '../../http/app-env';
import { ApiError } from '../../http/errors';
import { json } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { auditAdmin } from '../audit';
import { requireAdmin } from '../require-admin';
import { randomToken } from '../tokens';
import { adminErrors, adminSecurity } from './admin-openapi';

const tags = ['admin: members'];
const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;
const MemberParams = z.object({ memberId: Id });
const notFound = { 404: json(ErrorBody, 'No such member (`not_found`).') };
const lastOwner = {
  409: json(ErrorBody, 'The team would have no owner (`last_owner`), or the e-mail is taken (`conflict`).'),
};

const list = createRoute({
  method: 'get',
  path: '/v1/admin/members',
  operationId: 'listMembers',
  tags,
  summary: 'The team: members, their roles and whether they accepted their invitation.',
  security: adminSecurity,
  middleware: [requireAdmin('read')] as const,
  responses: { 200: json(MemberListResponse, 'The members.'), ...adminErrors },
});

const invite = createRoute({
  method: 'post',
  path: '/v1/admin/members',
  operationId: 'inviteMember',
  tags,
  summary: 'Invites a member with a role (owners only); the token is shown once.',
  security: adminSecurity,
  middleware: [requireAdmin('manage')] as const,
  request: { body: { ...json(InviteMemberRequest, 'E-mail and role.'), required: true } },
  responses: { 201: json(InviteMemberResponse, 'Invited.'), ...adminErrors, ...lastOwner },
});

const update = createRoute({
  method: 'patch',
  path: '/v1/admin/members/{memberId}',
  operationId: 'updateMember',
  tags,
  summary: "Changes a member's role (owners only); the member is signed out everywhere.",
  security: adminSecurity,
  middleware: [requireAdmin('manage')] as const,
  request: { params: MemberParams, body: { ...json(UpdateMemberRequest, 'The new role.'), required: true } },
  responses: { 200: json(Member, 'Updated.'), ...adminErrors, ...notFound, ...lastOwner },
});

const remove = createRoute({
  method: 'delete',
  path: '/v1/admin/members/{memberId}',
  operationId: 'removeMember',
  tags,
  summary: 'Removes a member and ends their sessions (owners only).',
  security: adminSecurity,
  middleware: [requireAdmin('manage')] as const,
  request: { params: MemberParams },
  responses: { 204: { description: 'Removed.' }, ...adminErrors, ...notFound, ...lastOwner },
});

export const memberRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const rows = await listMembers(c.var.services.db, c.var.admin.tenantId);
    return c.json({ members: rows.map(publicMember) }, 200);
  })
  .openapi(invite, async (c) => {
    const { email, role } = c.req.valid('json');
    const { admin, services } = c.var;
    const token = randomToken();
    const expiresAt = Date.now() + INVITATION_TTL_MS;
    const member = await insertInvitedMember(services.db, {
      id: crypto.randomUUID(),
      tenantId: admin.tenantId,
      email,
      role,
      invitationHash: await sha256Hex(token),
      expiresAt,
    });
    if (!member) throw new ApiError(409, 'conflict', `${email} is already on the team`);
    await auditAdmin(c, 'inviteMember', `members/${member.id}`, { email, role });
    return c.json({ member: publicMember(member), invitationToken: token, expiresAt }, 201);
  })
  .openapi(update, async (c) => {
    const { memberId } = c.req.valid('param');
    const { role } = c.req.valid('json');
    const { admin, services } = c.var;
    const before = await findMember(services.db, admin.tenantId, memberId);
    if (!before) throw new ApiError(404, 'not_found', `no member ${memberId}`);
    const updated = await updateMemberRole(services.db, admin.tenantId, memberId, role);
    if (!updated)
      throw new ApiError(409, 'last_owner', 'the team needs an owner: make someone else owner first');
    await auditAdmin(c, 'updateMember', `members/${memberId}`, { from: before.role, to: role });
    return c.json(publicMember(updated), 200);
  })
  .openapi(remove, async (c) => {
    const { memberId } = c.req.valid('param');
    const { admin, services } = c.var;
    const before = await findMember(services.db, admin.tenantId, memberId);
    if (!before) throw new ApiError(404, 'not_found', `no member ${memberId}`);
    if (!(await deleteMember(services.db, admin.tenantId, memberId))) {
      throw new ApiError(409, 'last_owner', 'the team needs an owner: make someone else owner first');
    }
    await auditAdmin(c, 'removeMember', `members/${memberId}`, { email: before.email });
    return c.body(null, 204);
  });
