// Applies edge/migrations through the D1 query API, recording each in `d1_migrations` exactly as
// `wrangler d1 migrations apply` does, so either tool can take over from the other.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CloudflareApi } from './cloudflare-api';
import { pendingMigrations } from './plan';

const ledger =
  'CREATE TABLE IF NOT EXISTS d1_migrations(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)';

/** Names already applied, read without writing (a dry run must not create the ledger). */
async function appliedMigrations(api: CloudflareApi, databaseId: string): Promise<string[]> {
  const ledgerExists = await api.query(
    databaseId,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'd1_migrations'",
  );
  if (ledgerExists.length === 0) return [];
  return (await api.query(databaseId, 'SELECT name FROM d1_migrations')).map((r) => String(r.name));
}

/**
 * The migrations a database still lacks (all of them when it does not exist yet); with `apply`, applies
 * them in order, each recorded once it has run, so a run that stops half-way resumes where it stopped.
 */
export async function migrate(
  dir: string,
  target: { api: CloudflareApi; databaseId: string } | undefined,
  apply: boolean,
): Promise<string[]> {
  const files = await readdir(dir);
  if (!target) return pendingMigrations(files, []);
  const { api, databaseId } = target;
  const pending = pendingMigrations(files, await appliedMigrations(api, databaseId));
  if (!apply) return pending;
  await api.query(databaseId, ledger);
  for (const name of pending) {
    const sql = await readFile(path.join(dir, name), 'utf8');
    await api.query(databaseId, sql);
    await api.query(databaseId, 'INSERT INTO d1_migrations (name) VALUES (?)', [name]);
  }
  return pending;
}
