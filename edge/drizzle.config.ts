import { defineConfig } from 'drizzle-kit';

// `pnpm --filter @smart-onboarding/edge db:generate` writes SQL migrations that wrangler and the tests apply.
export default defineConfig({
  dialect: 'sqlite',
  schema: [
    './src/adapters/d1/schema.ts',
    './src/adapters/d1/admin-schema.ts',
    './src/adapters/d1/insight-schema.ts',
    './src/adapters/d1/trust-schema.ts',
  ],
  out: './migrations',
});
