import { migrateJourneyStorage } from './migrations';
import { ROW_KEYS, STORED_DEFAULTS, type StoredField, type StoredJourney } from './schema';

/**
 * A journey object's storage, typed by `StoredJourney`: every field is read and written by name, with its
 * type, and the ids of seen events are kept beside it for deduplication. Backed by the object's SQLite
 * storage (migrated on construction), so it survives eviction and restarts.
 *
 * Parsed values are kept while the object lives. Every write goes through `set`, and the object runs one
 * event at a time, so the memo never disagrees with storage. Values are treated as immutable (the journey
 * core returns new states).
 *
 * @example
 * const store = new JourneyStore(ctx.storage);
 * store.set('lastActivityAt', Date.now());
 * const journey = store.get('journey'); // JourneyState | null
 */
export class JourneyStore {
  private readonly memo = new Map<StoredField, unknown>();

  constructor(private readonly storage: DurableObjectStorage) {
    migrateJourneyStorage(storage);
  }

  get<K extends StoredField>(field: K): StoredJourney[K] {
    if (this.memo.has(field)) return this.memo.get(field) as StoredJourney[K];
    const row = this.storage.sql
      .exec<{ value: string }>('SELECT value FROM kv WHERE key = ?', ROW_KEYS[field])
      .toArray()[0];
    const value = row ? (JSON.parse(row.value) as StoredJourney[K]) : STORED_DEFAULTS[field];
    this.memo.set(field, value);
    return value;
  }

  set<K extends StoredField>(field: K, value: StoredJourney[K]): void {
    if (value === null) {
      this.storage.sql.exec('DELETE FROM kv WHERE key = ?', ROW_KEYS[field]);
    } else {
      this.storage.sql.exec(
        'INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        ROW_KEYS[field],
        JSON.stringify(value),
      );
    }
    this.memo.set(field, value);
  }

  /** Which of `ids` were seen before (and not yet forgotten). */
  seenEventIds(ids: readonly string[]): Set<string> {
    return new Set(
      this.storage.sql
        .exec<{ id: string }>(
          'SELECT id FROM seen_events WHERE id IN (SELECT value FROM json_each(?))',
          JSON.stringify(ids),
        )
        .toArray()
        .map((r) => r.id),
    );
  }

  /** Remembers event ids as seen at `now`, and forgets those seen before `forgetBefore`. */
  rememberEventIds(ids: readonly string[], now: number, forgetBefore: number): void {
    this.storage.sql.exec(
      'INSERT OR IGNORE INTO seen_events (id, at) SELECT value, ? FROM json_each(?)',
      now,
      JSON.stringify(ids),
    );
    this.storage.sql.exec('DELETE FROM seen_events WHERE at < ?', forgetBefore);
  }

  /** Forgets everything: after `storage.deleteAll()`, the tables come back empty at the current version. */
  async erase(): Promise<void> {
    await this.storage.deleteAll();
    this.memo.clear();
    migrateJourneyStorage(this.storage);
  }
}
