import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { edgeDatabase, storedOf } from './stored-events';
import { drain } from './traffic';

const migrations = path.resolve(import.meta.dirname, '../../edge/migrations');
const state = mkdtempSync(path.join(tmpdir(), 'so-load-state-'));
afterAll(() => rmSync(state, { recursive: true, force: true }));

describe('the load test counts what D1 stored', () => {
  it("finds the edge's database under the state directory and counts which of a run's events it stored", () => {
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
      'INSERT INTO processed_events (tenant_id, event_id, processed_at) VALUES (?, ?, 1)',
    );
    add.run('demo', 'e1');
    add.run('demo', 'e2');
    add.run('demo', 'not-this-run');
    add.run('other-tenant', 'e3');
    db.close();
    expect(edgeDatabase(state)).toBe(file);
    expect(storedOf(file, 'demo', new Set(['e1', 'e2', 'e3', 'e4']))).toBe(2);
    expect(storedOf(file, 'demo', new Set())).toBe(0);
  });

  it('waits for the queue to drain, and gives up when the count stops growing', async () => {
    let n = 0;
    expect(await drain(() => (n += 40), 100, 10_000)).toBe(120);
    expect(await drain(() => 7, 100, 1500)).toBe(7);
  });
});
