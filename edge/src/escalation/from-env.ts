import { sleep } from '../resilience/retry';
import { type EscalationWebhookEnv, readEscalationConfig } from './config';
import type { EscalationDeps, EscalationStore } from './escalate-to-human';

/**
 * Builds `escalateToHuman`'s dependencies from the Worker's environment (`ESCALATION_WEBHOOK_URL`,
 * `ESCALATION_WEBHOOK_SECRET`, `ESCALATION_WEBHOOK_FORMAT`). Without a webhook, tickets are stored and
 * stay pending, and `humanAvailable` is false so the intervention engine does not offer a person.
 *
 * @example
 * const deps = escalationDepsFromEnv(env, d1EscalationStore(database(env.DB)));
 */
export function escalationDepsFromEnv(
  env: Readonly<EscalationWebhookEnv>,
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
