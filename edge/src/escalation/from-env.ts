import { sleep } from '../intelligence/recovery/retry';
import { readEscalationConfig } from './config';
import type { EscalationDeps, EscalationStore } from './escalate-to-human';

/**
 * Builds `escalateToHuman`'s dependencies from the Worker's environment (`ESCALATION_WEBHOOK_URL`,
 * `ESCALATION_WEBHOOK_SECRET`, `ESCALATION_WEBHOOK_FORMAT`). Without a webhook, tickets are stored and
 * stay pending, and `humanAvailable` is false so the intervention engine does not offer a person.
 *
 * @example
 * const deps = escalationDepsFromEnv(this.env, d1EscalationStore(database(this.env.DB)));
 */
export function escalationDepsFromEnv(
  env: Readonly<Record<string, unknown>>,
  store: EscalationStore,
): EscalationDeps & { humanAvailable: boolean; notConfigured?: string } {
  const config = readEscalationConfig(env);
  return {
    store,
    webhook: config.ok ? config.config : undefined,
    fetch: (input, init) => fetch(input, init),
    sleep: (ms) => sleep(ms),
    random: Math.random,
    now: Date.now,
    humanAvailable: config.ok,
    ...(config.ok ? {} : { notConfigured: config.reason }),
  };
}
