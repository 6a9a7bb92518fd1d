import { describe, expect, it } from 'vitest';
import { memoryEscalationStore } from './escalate-to-human';
import { escalationDepsFromEnv } from './from-env';

describe('escalationDepsFromEnv', () => {
  it.each([
    { env: {}, human: false, format: undefined },
    {
      env: {
        ESCALATION_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/X',
        ESCALATION_WEBHOOK_SECRET: 'a-long-enough-secret',
      },
      human: true,
      format: 'slack',
    },
  ])('$env → human $human', ({ env, human, format }) => {
    const deps = escalationDepsFromEnv(env, memoryEscalationStore());
    expect(deps.humanAvailable).toBe(human);
    expect(deps.webhook?.format).toBe(format);
  });
});
