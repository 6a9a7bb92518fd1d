import { describe, expect, it } from 'vitest';
import { readEscalationConfig, tenantWebhookUrlProblem } from './config';

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

describe('tenantWebhookUrlProblem', () => {
  it.each([
    ['https://hooks.slack.com/services/T/B/X', 'production', null],
    ['https://desk.example.com/hook', 'production', null],
    ['http://desk.example.com/hook', 'production', 'must be https'],
    ['http://127.0.0.1:8080/hook', 'production', 'must be https'],
    ['http://127.0.0.1:8080/hook', 'development', null],
    ['https://127.0.0.1/hook', 'production', 'must be a public host'],
    ['https://10.1.2.3/hook', 'production', 'must be a public host'],
    ['https://172.20.0.1/hook', 'production', 'must be a public host'],
    ['https://192.168.1.1/hook', 'production', 'must be a public host'],
    ['https://169.254.169.254/latest', 'production', 'must be a public host'],
    ['https://100.64.0.1/hook', 'production', 'must be a public host'],
    ['https://localhost/hook', 'production', 'must be a public host'],
    ['https://metadata.google.internal/x', 'production', 'must be a public host'],
    ['https://[::1]/hook', 'production', 'must be a public host'],
    ['https://0.0.0.0/hook', 'production', 'must be a public host'],
    [
      'https://a:b@desk.example.com/hook',
      'production',
      'credentials in the URL are not accepted; use the secret',
    ],
    ['javascript:alert(1)', 'production', 'must be https'],
    ['nope', 'production', 'not a URL'],
  ])('%s (%s) → %s', (url, environment, problem) => {
    expect(tenantWebhookUrlProblem(url, environment)).toBe(problem);
  });
});
