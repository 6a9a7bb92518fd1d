import type { JourneyState } from '../journey-state';
import { startJourneyIntelligence } from '../policies';
import { ROW_KEYS } from './schema';

/**
 * The stored shape's versions, each reached by a migration from the one before:
 *
 * | version | what                                                                                         |
 * | ------- | -------------------------------------------------------------------------------------------- |
 * | 1       | the `kv` and `seen_events` tables as the object first wrote them (no version recorded)        |
 * | 2       | a `store_meta` row records the version; a journey always has its intelligence beside it       |
 *
 * Migrations run in the object's constructor, synchronously and in one transaction, before any call.
 */
export const STORE_VERSION = 2;

/** The object's `kv` rows as a migration sees them: raw JSON text by row key. */
interface KvRows {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

interface Migration {
  to: number;
  run(rows: KvRows): void;
}

const MIGRATIONS: readonly Migration[] = [
  {
    to: 2,
    // Journeys from before the intelligence existed were given a fresh one on every read; now once, here.
    // An ended journey's outcome was written as an explicit null once sent: absent means none.
    run(rows) {
      const journey = rows.get(ROW_KEYS.journey) as JourneyState | null;
      if (journey && rows.get(ROW_KEYS.intelligence) === null)
        rows.set(ROW_KEYS.intelligence, startJourneyIntelligence(journey.profile ?? {}));
      if (rows.get(ROW_KEYS.pendingOutcome) === null) rows.delete(ROW_KEYS.pendingOutcome);
    },
  },
];

/**
 * Brings the storage of one journey object to `STORE_VERSION`. A fresh object starts there; an object
 * written by older code is migrated step by step. Returns the version it found.
 *
 * @example
 * const from = migrateJourneyStorage(ctx.storage); // 1 for an object written before store_meta
 */
export function migrateJourneyStorage(storage: DurableObjectStorage): number {
  return storage.transactionSync(() => {
    const { sql } = storage;
    sql.exec(`
      CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS seen_events (id TEXT PRIMARY KEY, at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS seen_events_at ON seen_events (at);
      CREATE TABLE IF NOT EXISTS store_meta (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
    `);
    const recorded = sql.exec<{ version: number }>('SELECT version FROM store_meta').toArray()[0]?.version;
    const hasRows = sql.exec('SELECT 1 FROM kv LIMIT 1').toArray().length > 0;
    const found = recorded ?? (hasRows ? 1 : STORE_VERSION);
    const rows: KvRows = {
      get(key) {
        const row = sql.exec<{ value: string }>('SELECT value FROM kv WHERE key = ?', key).toArray()[0];
        return row ? JSON.parse(row.value) : null;
      },
      set(key, value) {
        sql.exec(
          'INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
          key,
          JSON.stringify(value),
        );
      },
      delete(key) {
        sql.exec('DELETE FROM kv WHERE key = ?', key);
      },
    };
    for (const m of MIGRATIONS) if (m.to > found) m.run(rows);
    sql.exec(
      'INSERT INTO store_meta (id, version) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version',
      STORE_VERSION,
    );
    return found;
  });
}
