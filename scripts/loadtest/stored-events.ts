// Counts what the edge stored, read straight from wrangler dev's local D1 (a SQLite file under the
// state directory), so "zero lost" is checked against the database, not against what the API answered.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

function sqliteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sqliteFiles(full);
    return e.name.endsWith('.sqlite') ? [full] : [];
  });
}

/** The local D1 database of the edge: the SQLite file that has the edge's `processed_events` table. */
export function edgeDatabase(stateDir: string): string {
  for (const file of sqliteFiles(stateDir)) {
    const db = new DatabaseSync(file, { readOnly: true });
    try {
      const has = db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'engagement_daily'")
        .get();
      if (has) return file;
    } finally {
      db.close();
    }
  }
  throw new Error(`no local D1 database with processed_events under ${stateDir}`);
}

/**
 * How many of `ids` the queue consumer has stored: its ledger (`processed_events`) holds one row per event
 * it folded into the engagement aggregates, in the same D1 transaction, so an id there is an event stored.
 */
export function storedOf(databaseFile: string, tenantId: string, ids: ReadonlySet<string>): number {
  const db = new DatabaseSync(databaseFile, { readOnly: true });
  try {
    const rows = db.prepare('SELECT event_id FROM processed_events WHERE tenant_id = ?').all(tenantId);
    let n = 0;
    for (const row of rows) if (ids.has(String(row.event_id))) n++;
    return n;
  } finally {
    db.close();
  }
}
