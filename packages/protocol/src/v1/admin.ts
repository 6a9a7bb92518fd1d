import { z } from 'zod';
import { EpochMs, Id } from './common';

/**
 * The admin API behind the console (`/v1/admin/*`): team members and their roles, sessions, API keys,
 * allowed origins and Cloudflare Access sign-in. Called with a console session (cookie plus CSRF header)
 * or a secret key, which acts as an owner.
 */

/** What a member may do: viewers read, editors author and publish, owners also manage people and keys. */
export const Role = z.enum(['owner', 'editor', 'viewer']).meta({ id: 'Role' });

/** An e-mail address, compared lower-case. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email())
  .meta({ id: 'Email', description: 'An e-mail address; compared lower-case.' });

/** A password: long enough to resist guessing, bounded so hashing it costs the same for everyone. */
export const Password = z
  .string()
  .min(12, 'at least 12 characters')
  .max(256, 'at most 256 characters')
  .meta({ id: 'Password' });

export const Member = z
  .object({
    id: Id,
    email: z.string(),
    role: Role,
    status: z.enum(['invited', 'active']),
    createdAt: EpochMs,
    updatedAt: EpochMs,
  })
  .meta({ id: 'Member' });

export const MemberListResponse = z.object({ members: z.array(Member) }).meta({ id: 'MemberListResponse' });

export const InviteMemberRequest = z
  .object({ email: Email, role: Role })
  .strict()
  .meta({ id: 'InviteMemberRequest' });

/** The invitation token is shown once; the invitee sets a password with it. */
export const InviteMemberResponse = z
  .object({ member: Member, invitationToken: z.string(), expiresAt: EpochMs })
  .meta({ id: 'InviteMemberResponse' });

export const UpdateMemberRequest = z.object({ role: Role }).strict().meta({ id: 'UpdateMemberRequest' });

export const AcceptInvitationRequest = z
  .object({ tenantId: Id, token: z.string().min(1).max(200), password: Password })
  .strict()
  .meta({ id: 'AcceptInvitationRequest' });

export const SignInRequest = z
  .object({ tenantId: Id, email: Email, password: z.string().min(1).max(256) })
  .strict()
  .meta({ id: 'SignInRequest' });

export const AccessSignInRequest = z.object({ tenantId: Id }).strict().meta({ id: 'AccessSignInRequest' });

/** The signed-in member and the CSRF token every changing request of the session must send back. */
export const SessionResponse = z
  .object({
    tenantId: Id,
    member: Member,
    csrfToken: z.string(),
    expiresAt: EpochMs,
    via: z.enum(['password', 'access']),
  })
  .meta({ id: 'SessionResponse' });

export const KeyKind = z.enum(['publishable', 'secret']).meta({ id: 'KeyKind' });

export const ApiKeyInfo = z
  .object({
    id: Id,
    kind: KeyKind,
    prefix: z.string(),
    createdAt: EpochMs,
    revokedAt: EpochMs.nullable(),
  })
  .meta({ id: 'ApiKeyInfo' });

export const ApiKeyListResponse = z.object({ keys: z.array(ApiKeyInfo) }).meta({ id: 'ApiKeyListResponse' });

export const CreateApiKeyRequest = z.object({ kind: KeyKind }).strict().meta({ id: 'CreateApiKeyRequest' });

/** A new key, shown once: only its hash is stored. */
export const CreatedApiKeyResponse = z
  .object({ key: ApiKeyInfo, secret: z.string(), revokedKeyId: Id.optional() })
  .meta({ id: 'CreatedApiKeyResponse' });

/** Origins allowed to use the tenant's publishable keys: exact origins, `*` as the port or leftmost label. */
export const AllowedOrigins = z
  .object({
    allowedOrigins: z
      .array(
        z
          .string()
          .max(300)
          .regex(
            /^https?:\/\/(\*\.)?([a-z0-9.-]+|\[[0-9a-f:.]+\])(:(\d{1,5}|\*))?$/i,
            'an origin such as https://app.example.com, http://localhost:* or https://*.example.com',
          ),
      )
      .max(50),
  })
  .strict()
  .meta({ id: 'AllowedOrigins' });

/** Sign-in through Cloudflare Access: the team's domain and the Access application's audience tag. */
export const AccessConfig = z
  .object({
    teamDomain: z.url().max(300),
    audience: z.string().min(1).max(200),
  })
  .strict()
  .meta({ id: 'AccessConfig' });

export type Role = z.infer<typeof Role>;
export type Member = z.infer<typeof Member>;
export type SessionResponse = z.infer<typeof SessionResponse>;
export type ApiKeyInfo = z.infer<typeof ApiKeyInfo>;
export type AccessConfig = z.infer<typeof AccessConfig>;
