import { and, eq } from 'drizzle-orm';
import type { Database } from '../adapters/d1/client';
import { userConsent } from '../adapters/d1/trust-schema';

export type ConsentState = 'granted' | 'denied';
/** Who recorded the consent: the browser's banner, the tenant's server (secret key), or the browser's DNT/GPC. */
type ConsentSource = 'banner' | 'server' | 'dnt_gpc';

export interface ConsentRecord {
  state: ConsentState;
  source: ConsentSource;
  /** The edge's clock when it was recorded, never the browser's. */
  at: number;
}

/** The user's consent as last recorded, or null when none was (events are then accepted). */
export async function consentOf(
  db: Database,
  tenantId: string,
  userId: string,
): Promise<ConsentRecord | null> {
  const [row] = await db
    .select({ state: userConsent.state, source: userConsent.source, at: userConsent.at })
    .from(userConsent)
    .where(and(eq(userConsent.tenantId, tenantId), eq(userConsent.userId, userId)));
  return row ?? null;
}

export async function recordConsent(db: Database, tenantId: string, userId: string, record: ConsentRecord) {
  await db
    .insert(userConsent)
    .values({ tenantId, userId, ...record })
    .onConflictDoUpdate({ target: [userConsent.tenantId, userConsent.userId], set: record });
}

/**
 * Whether a browser may replace `current` with `next`. A browser may always deny, but may not lift a
 * denial the tenant's server recorded: the server may know what the browser does not (a contract, a
 * request by e-mail), and anyone holding the publishable key and the user's proof is not the user. Pure.
 */
export function browserMayRecord(current: ConsentRecord | null, next: ConsentState): boolean {
  return next === 'denied' || !(current?.source === 'server' && current.state === 'denied');
}
