import { describe, expect, it } from 'vitest';
import { readEscalationConfig } from './config';

const secret = 'a-long-shared-secret';
describe('readEscalationConfig', () => {
  it.each([
    { env: {}, result: { ok: false, reason: 'ESCALATION_WEBHOOK_URL is not set' } },
    {
      env: { ESCALATION_WEBHOOK_URL: 'nope' },
      result: { ok: false, reason: 'ESCALATION_WEBHOOK_URL is not a URL' },
    },
    {
      env: { ESCALATION_WEBHOOK_URL: 'https://desk.example.com/hook' },
      result: { ok: false, reason: 'ESCALATION_WEBHOOK_SECRET must be set (16 characters or more)' },
    },
    {
      env: { ESCALATION_WEBHOOK_URL: 'https://desk.example.com/hook', ESCALATION_WEBHOOK_SECRET: secret },
      result: { ok: true, config: { url: 'https://desk.example.com/hook', secret, format: 'json' } },
    },
    {
      env: {
        ESCALATION_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/X',
        ESCALATION_WEBHOOK_SECRET: secret,
      },
      result: {
        ok: true,
        config: { url: 'https://hooks.slack.com/services/T/B/X', secret, format: 'slack' },
      },
    },
    {
      env: {
        ESCALATION_WEBHOOK_URL: 'https://desk.example.com/hook',
        ESCALATION_WEBHOOK_SECRET: secret,
        ESCALATION_WEBHOOK_FORMAT: 'slack',
      },
      result: { ok: true, config: { url: 'https://desk.example.com/hook', secret, format: 'slack' } },
    },
  ])('$env', ({ env, result }) => {
    expect(readEscalationConfig(env)).toEqual(result);
  });
});
