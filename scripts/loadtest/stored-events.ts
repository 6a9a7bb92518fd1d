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

/** The local D1 database of the edge: the SQLite file that has the edge's `engagement_daily` table. */
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
  throw new Error(`no local D1 database with engagement_daily under ${stateDir}`);
}

/** Events the queue consumer has folded into engagement aggregates for users whose id starts with prefix. */
export function storedEvents(databaseFile: string, userPrefix: string): number {
  const db = new DatabaseSync(databaseFile, { readOnly: true });
  try {
    const row = db
      .prepare('SELECT coalesce(sum(events), 0) AS n FROM engagement_daily WHERE user_id LIKE ?')
      .get(`${userPrefix}%`) as { n: number };
    return Number(row.n);
  } finally {
    db.close();
  }
}
