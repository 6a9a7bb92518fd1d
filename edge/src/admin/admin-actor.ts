import type { Role } from '@smart-onboarding/protocol';

/** Who is acting on the admin API: a signed-in member, or a secret key acting as an owner. */
export interface AdminActor {
  tenantId: string;
  role: Role;
  /** What the audit log records as the actor: `member:<id>` or the key's id. */
  actorId: string;
  /** The console session, when signed in with one. */
  session?: {
    tokenHash: string;
    memberId: string;
    csrfToken: string;
    via: 'password' | 'access';
    expiresAt: number;
  };
}
