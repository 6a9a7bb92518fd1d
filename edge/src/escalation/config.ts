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
