// Types `env` and `exports` from "cloudflare:workers" (used by tests and by code outside a request) with
// this Worker's bindings and main module.
type SmartOnboardingBindings = import('./env').Env;

declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('./index');
  }
  interface Env extends SmartOnboardingBindings {
    /** Test-only: the D1 migrations, read by vitest.config.ts and applied in test/apply-migrations.ts. */
    TEST_MIGRATIONS: import('@cloudflare/vitest-plugin').D1Migration[];
    /** Test-only: the rate limits vitest.config.ts gives the limiter bindings. */
    TEST_KEY_LIMIT: number;
    TEST_USER_LIMIT: number;
    TEST_IP_LIMIT: number;
  }
}
