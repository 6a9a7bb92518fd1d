import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

// The edge's own D1 migrations, so the escalation store is tested against the real schema.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
