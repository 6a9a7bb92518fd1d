import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { database } from '../src/adapters/d1/client';
import { seedDemoTenant } from '../src/dev/seed';

// Setup files may run more than once; applyD1Migrations skips what is already applied, seeding is idempotent.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await seedDemoTenant(database(env.DB));
