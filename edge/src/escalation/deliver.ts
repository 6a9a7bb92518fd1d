import type { EscalationTicket } from '@smart-onboarding/protocol';
import { type BackoffOptions, backoffDelayMs, retryAfterFromHeaders } from '../resilience/backoff';
import type { EscalationWebhookConfig } from './config';
import { type EscalationContext, webhookBody } from './payload';
import { DELIVERY_HEADER, NONCE_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './signature';

export interface DeliveryOptions {
  /** Attempts made now, one after another with short backoff, before handing over to a later retry. */
  inlineAttempts: number;
  /** Attempts in all (now and later) before the ticket is dead-lettered. */
  maxAttempts: number;
  /** Backoff between inline attempts. */
  inline: BackoffOptions;
  /** Backoff between later attempts (the journey object's alarm). */
  later: BackoffOptions;
  /** Per attempt. */
  timeoutMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  inlineAttempts: 3,
  maxAttempts: 10,
  inline: { baseMs: 250, maxMs: 5000, factor: 2 },
  // 30 s, 1 min, 2 min, ... up to 1 h: about 3 hours in all before a ticket is dead-lettered.
  later: { baseMs: 30_000, maxMs: 3_600_000, factor: 2 },
  timeoutMs: 10_000,
};

export interface DeliveryDeps {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
}

interface DeliveryAttempt {
  at: number;
  status?: number;
  error?: string;
}

export interface DeliveryResult {
  ticket: EscalationTicket;
  attempts: DeliveryAttempt[];
  /** When the ticket is still pending: when to try again. */
  retryAt?: number;
  /** Why it was dead-lettered, or why the last attempt failed. */
  lastError?: string;
}

/** 2xx is delivered; these are worth retrying; any other answer will not change by retrying. */
const RETRYABLE = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

/**
 * Posts a ticket to the webhook, signed, retrying with backoff (and the receiver's `retry-after`) until it
 * is delivered, a non-retryable answer dead-letters it, or the inline attempts are spent, in which case it
 * stays `pending` with a `retryAt` for the caller's alarm. Dead-lettered after `maxAttempts` in all. Every
 * attempt carries the ticket id in `x-smart-onboarding-delivery`, so a receiver can drop duplicates.
 *
 * @example
 * const r = await deliverEscalation(ticket, ctx, config, { fetch, sleep, random: Math.random, now: Date.now });
 * if (r.retryAt) await this.ctx.storage.setAlarm(r.retryAt);
 */
export async function deliverEscalation(
  ticket: EscalationTicket,
  ctx: EscalationContext,
  config: EscalationWebhookConfig,
  deps: DeliveryDeps,
  options: DeliveryOptions = DEFAULT_DELIVERY,
): Promise<DeliveryResult> {
  const body = webhookBody(config.format, ticket, ctx);
  const attempts: DeliveryAttempt[] = [];
  let current: EscalationTicket = { ...ticket };
  let lastError: string | undefined;
  for (let inline = 0; inline < options.inlineAttempts && current.attempts < options.maxAttempts; inline++) {
    const at = deps.now();
    const ts = Math.floor(at / 1000);
    const nonce = crypto.randomUUID();
    let status: number | undefined;
    let retryAfterMs: number | undefined;
    try {
      const res = await deps.fetch(config.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'smart-onboarding-escalation/1',
          [TIMESTAMP_HEADER]: String(ts),
          [NONCE_HEADER]: nonce,
          [SIGNATURE_HEADER]: await signWebhook(config.secret, ts, nonce, body),
          [DELIVERY_HEADER]: ticket.id,
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      status = res.status;
      retryAfterMs = retryAfterFromHeaders(res.headers, deps.now());
      await res.body?.cancel();
    } catch (error) {
      lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    current = { ...current, attempts: current.attempts + 1 };
    attempts.push({
      at,
      ...(status !== undefined ? { status } : {}),
      ...(status === undefined && lastError ? { error: lastError } : {}),
    });
    if (status !== undefined && status >= 200 && status < 300) {
      return { ticket: { ...current, status: 'delivered' }, attempts };
    }
    if (status !== undefined) {
      lastError = `HTTP ${status}`;
      if (!RETRYABLE.has(status))
        return {
          ticket: { ...current, status: 'dead_lettered' },
          attempts,
          lastError: `${lastError}: not retryable`,
        };
    }
    if (current.attempts >= options.maxAttempts) break;
    if (inline + 1 < options.inlineAttempts) {
      await deps.sleep(backoffDelayMs(inline, options.inline, deps.random, retryAfterMs));
    } else {
      const wait = backoffDelayMs(
        current.attempts - options.inlineAttempts,
        options.later,
        deps.random,
        retryAfterMs,
      );
      return {
        ticket: current,
        attempts,
        retryAt: deps.now() + Math.max(wait, options.later.baseMs / 2),
        ...(lastError ? { lastError } : {}),
      };
    }
  }
  return {
    ticket: { ...current, status: 'dead_lettered' },
    attempts,
    lastError: `${lastError ?? 'failed'}: gave up after ${current.attempts} attempts`,
  };
}
