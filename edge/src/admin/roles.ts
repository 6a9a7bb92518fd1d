import type { Role } from '@smart-onboarding/protocol';

/**
 * What each role may do. Viewers read; editors author, target and publish flows and help; owners also
 * manage members, keys, origins and sign-in. Pure, so every route asks the same question.
 */
export type Permission = 'read' | 'author' | 'manage';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };
const NEEDS: Record<Permission, Role> = { read: 'viewer', author: 'editor', manage: 'owner' };

export function can(role: Role, permission: Permission): boolean {
  return RANK[role] >= RANK[NEEDS[permission]];
}
