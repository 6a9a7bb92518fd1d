import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';

const edge = path.resolve(import.meta.dirname, '..');

describe('scripts/create-tenant.ts', () => {
  it('prints keys once and writes SQL that stores them hashed, applying on top of the migrations', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'so-tenant-'));
    try {
      const out = path.join(dir, 'tenant.sql');
      const printed = execFileSync(
        process.execPath,
        [
          path.join(edge, '../node_modules/tsx/dist/cli.mjs'),
          path.join(edge, 'scripts/create-tenant.ts'),
          '--id',
          'acme',
          '--name',
          "Acme's",
          '--origin',
          'https://app.acme.com',
          '--out',
          out,
        ],
        { encoding: 'utf8' },
      );
      const publishable = /publishable key\s+(pk_\S+)/.exec(printed)?.[1];
      const secret = /secret key\s+(sk_\S+)/.exec(printed)?.[1];
      expect(publishable).toBeTruthy();
      expect(secret).toBeTruthy();

      const db = new DatabaseSync(':memory:');
      for (const file of readdirSync(path.join(edge, 'migrations'))
        .filter((f) => f.endsWith('.sql'))
        .sort()) {
        db.exec(
          readFileSync(path.join(edge, 'migrations', file), 'utf8').replaceAll(
            '--> statement-breakpoint',
            '',
          ),
        );
      }
      const sql = readFileSync(out, 'utf8');
      expect(sql).not.toContain(secret!);
      db.exec(sql);
      const sha = (s: string) => createHash('sha256').update(s).digest('hex');
      const keys = db
        .prepare('SELECT kind, key_hash FROM api_keys WHERE tenant_id = ? ORDER BY kind')
        .all('acme');
      expect(keys).toEqual([
        { kind: 'publishable', key_hash: sha(publishable!) },
        { kind: 'secret', key_hash: sha(secret!) },
      ]);
      expect(db.prepare('SELECT name, allowed_origins FROM tenants WHERE id = ?').get('acme')).toEqual({
        name: "Acme's",
        allowed_origins: '["https://app.acme.com"]',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
