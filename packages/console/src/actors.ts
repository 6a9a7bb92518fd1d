import type { Member } from '@smart-onboarding/protocol';
import { useEffect, useState } from 'preact/hooks';
import { request } from './api';

/**
 * Who did something, as a person reads it: the edge records actors as `member:<id>` or a key id; the
 * console shows the member's e-mail when it knows it, and says "secret key" for the tenant's server.
 */
export function describeActor(actor: string | null, emails: ReadonlyMap<string, string>): string {
  if (!actor) return 'the API';
  if (actor.startsWith('member:')) return emails.get(actor.slice(7)) ?? 'a former member';
  return `secret key ${actor}`;
}

let team: Promise<Map<string, string>> | null = null;

/** Forgets the team (another sign-in may be another team). */
export function forgetTeam() {
  team = null;
}

/** The team's e-mails by member id, loaded once per sign-in; empty until they arrive or if refused. */
export function useTeamEmails(): ReadonlyMap<string, string> {
  const [emails, setEmails] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let current = true;
    team ??= request<{ members: Member[] }>('GET', '/v1/admin/members').then(
      ({ data }) => new Map(data.members.map((m) => [m.id, m.email])),
      () => new Map(),
    );
    team.then((found) => current && setEmails(found));
    return () => {
      current = false;
    };
  }, []);
  return emails;
}
