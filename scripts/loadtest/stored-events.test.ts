import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { edgeDatabase, storedEvents } from './stored-events';
import { drain } from './traffic';

const migrations = path.resolve(import.meta.dirname, '../../edge/migrations');
const state = mkdtempSync(path.join(tmpdir(), 'so-load-state-'));
afterAll(() => rmSync(state, { recursive: true, force: true }));

describe('the load test counts what D1 stored', () => {
  it("finds the edge's database under the state directory and sums a run's events only", () => {
    const dir = path.join(state, 'v3/d1/miniflare-D1DatabaseObject');
    mkdirSync(dir, { recursive: true });
    new DatabaseSync(path.join(dir, 'other.sqlite')).exec('CREATE TABLE t (x)');
    const file = path.join(dir, 'edge.sqlite');
    const db = new DatabaseSync(file);
    for (const f of readdirSync(migrations)
      .filter((f) => f.endsWith('.sql'))
      .sort()) {
      db.exec(readFileSync(path.join(migrations, f), 'utf8'));
    }
    const add = db.prepare(
      "INSERT INTO engagement_daily (tenant_id, user_id, step_id, day, events) VALUES ('demo', ?, 's', ?, ?)",
    );
    add.run('load-a-1', '2026-12-07', 50);
    add.run('load-a-1', '2026-12-08', 25);
    add.run('load-a-2', '2026-12-07', 50);
    add.run('load-b-1', '2026-12-07', 999);
    db.close();
    expect(edgeDatabase(state)).toBe(file);
    expect(storedEvents(file, 'load-a-')).toBe(125);
    expect(storedEvents(file, 'load-c-')).toBe(0);
  });

  it('waits for the queue to drain, and gives up when the count stops growing', async () => {
    let n = 0;
    expect(await drain(() => (n += 40), 100, 10_000)).toBe(120);
    expect(await drain(() => 7, 100, 1500)).toBe(7);
  });
});
