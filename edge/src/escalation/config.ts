import type { WebhookFormat } from './payload';

/**
 * The escalation webhook, from the Worker's environment:
 *
 * | variable                      | meaning                                                          |
 * | ----------------------------- | ---------------------------------------------------------------- |
 * | `ESCALATION_WEBHOOK_URL`      | where tickets are POSTed (a help desk, Zapier, a Slack webhook)  |
 * | `ESCALATION_WEBHOOK_SECRET`   | HMAC key for `x-smart-onboarding-signature` (a secret)           |
 * | `ESCALATION_WEBHOOK_FORMAT`   | `json` or `slack`; default `slack` for hooks.slack.com, else json |
 *
 * Without a URL, escalation is off: the intervention engine does not offer a human.
 */
/** The Worker's variables escalation reads (part of `Env`). */
export interface EscalationWebhookEnv {
  ESCALATION_WEBHOOK_URL?: string;
  ESCALATION_WEBHOOK_SECRET?: string;
  ESCALATION_WEBHOOK_FORMAT?: string;
}

export interface EscalationWebhookConfig {
  url: string;
  secret: string;
  format: WebhookFormat;
}

type EscalationConfigResult = { ok: true; config: EscalationWebhookConfig } | { ok: false; reason: string };

export function readEscalationConfig(env: Readonly<EscalationWebhookEnv>): EscalationConfigResult {
  const url = typeof env.ESCALATION_WEBHOOK_URL === 'string' ? env.ESCALATION_WEBHOOK_URL.trim() : '';
  if (!url) return { ok: false, reason: 'ESCALATION_WEBHOOK_URL is not set' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'ESCALATION_WEBHOOK_URL is not a URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return { ok: false, reason: 'ESCALATION_WEBHOOK_URL is not http(s)' };
  const secret = typeof env.ESCALATION_WEBHOOK_SECRET === 'string' ? env.ESCALATION_WEBHOOK_SECRET : '';
  // An unsigned webhook could be forged by anyone who learns its URL: refuse to run without a secret.
  if (secret.length < 16)
    return { ok: false, reason: 'ESCALATION_WEBHOOK_SECRET must be set (16 characters or more)' };
  const explicit = env.ESCALATION_WEBHOOK_FORMAT;
  const format: WebhookFormat =
    explicit === 'slack' || explicit === 'json'
      ? explicit
      : parsed.hostname === 'hooks.slack.com'
        ? 'slack'
        : 'json';
  return { ok: true, config: { url, secret, format } };
}

/** Hosts a tenant's webhook may never name: this machine, private networks, cloud metadata endpoints. */
const PRIVATE_HOST =
  /^(localhost|.*\.localhost|.*\.local|.*\.internal|0\.0\.0\.0|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|169\.254\.\d+\.\d+|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.\d+\.\d+|\[.*\])$/i;

/**
 * Why a URL a tenant sets for its webhook is refused, or null when it is acceptable: https to a public
 * host only, since the edge POSTs there with tickets and a tenant must not make it reach the deployment's
 * own network (SSRF). In development, a stand-in on loopback over http is allowed too. Pure.
 */
export function tenantWebhookUrlProblem(url: string, environment: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.username || parsed.password) return 'credentials in the URL are not accepted; use the secret';
  if (environment === 'development' && parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1')
    return null;
  if (parsed.protocol !== 'https:') return 'must be https';
  if (PRIVATE_HOST.test(parsed.hostname)) return 'must be a public host';
  return null;
}
