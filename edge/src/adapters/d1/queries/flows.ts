import {
  type FlowDefinition,
  FlowDefinition as FlowSchema,
  type FlowVersion,
} from '@smart-onboarding/protocol';
import { and, desc, eq, sql } from 'drizzle-orm';
import { sha256Hex } from '../../../crypto/hmac';
import type { Database } from '../client';
import { flows, flowVersions } from '../schema';

interface FlowSummary {
  id: string;
  name: string;
  latestVersion: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * Stores a flow definition as its next version. Publishing the definition the latest version already has
 * returns that version with `created: false`, so a deploy script can publish on every run.
 * The version number is computed inside the INSERT, so two concurrent publishes cannot take the same one.
 */
export async function publishFlowVersion(
  db: Database,
  tenantId: string,
  flow: FlowDefinition,
  keyId: string | null,
  now = Date.now(),
): Promise<{ version: FlowVersion; created: boolean }> {
  const contentHash = await sha256Hex(JSON.stringify(flow));
  const latest = await getFlowVersion(db, tenantId, flow.id);
  if (latest && (await sha256Hex(JSON.stringify(latest.flow))) === contentHash) {
    return { version: latest, created: false };
  }
  const [inserted] = await db.batch([
    db
      .insert(flowVersions)
      .values({
        tenantId,
        flowId: flow.id,
        version: sql`(SELECT COALESCE(MAX(${flowVersions.version}), 0) + 1 FROM ${flowVersions} WHERE ${flowVersions.tenantId} = ${tenantId} AND ${flowVersions.flowId} = ${flow.id})`,
        definition: flow,
        contentHash,
        createdAt: now,
        createdByKeyId: keyId,
      })
      .returning({ version: flowVersions.version }),
    db
      .insert(flows)
      .values({
        tenantId,
        id: flow.id,
        name: flow.name,
        latestVersion: sql`(SELECT MAX(${flowVersions.version}) FROM ${flowVersions} WHERE ${flowVersions.tenantId} = ${tenantId} AND ${flowVersions.flowId} = ${flow.id})`,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [flows.tenantId, flows.id],
        set: {
          name: flow.name,
          latestVersion: sql`excluded.latest_version`,
          updatedAt: now,
        },
      }),
  ]);
  return { version: { flow, version: inserted[0]!.version, createdAt: now }, created: true };
}

function toFlowVersion(row: { definition: unknown; version: number; createdAt: number }): FlowVersion {
  // Stored definitions were validated on the way in; parsing again fills defaults added since.
  return { flow: FlowSchema.parse(row.definition), version: row.version, createdAt: row.createdAt };
}

/** One version of a flow, or its latest when `version` is omitted; null when there is none. */
export async function getFlowVersion(
  db: Database,
  tenantId: string,
  flowId: string,
  version?: number,
): Promise<FlowVersion | null> {
  const where = [eq(flowVersions.tenantId, tenantId), eq(flowVersions.flowId, flowId)];
  if (version !== undefined) where.push(eq(flowVersions.version, version));
  const [row] = await db
    .select({
      definition: flowVersions.definition,
      version: flowVersions.version,
      createdAt: flowVersions.createdAt,
    })
    .from(flowVersions)
    .where(and(...where))
    .orderBy(desc(flowVersions.version))
    .limit(1);
  return row ? toFlowVersion(row) : null;
}

export async function listFlows(db: Database, tenantId: string): Promise<FlowSummary[]> {
  return db
    .select({
      id: flows.id,
      name: flows.name,
      latestVersion: flows.latestVersion,
      createdAt: flows.createdAt,
      updatedAt: flows.updatedAt,
    })
    .from(flows)
    .where(eq(flows.tenantId, tenantId))
    .orderBy(flows.id);
}

export async function listFlowVersions(
  db: Database,
  tenantId: string,
  flowId: string,
): Promise<FlowVersion[]> {
  const rows = await db
    .select({
      definition: flowVersions.definition,
      version: flowVersions.version,
      createdAt: flowVersions.createdAt,
    })
    .from(flowVersions)
    .where(and(eq(flowVersions.tenantId, tenantId), eq(flowVersions.flowId, flowId)))
    .orderBy(desc(flowVersions.version));
  return rows.map(toFlowVersion);
}
