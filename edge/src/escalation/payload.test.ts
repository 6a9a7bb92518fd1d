import { describe, expect, it } from 'vitest';
import { genericPayload, slackPayload, webhookBody } from './payload';
import { buildEscalationTicket } from './ticket';

const ticket = buildEscalationTicket({
  id: 'ticket-1',
  userId: 'u-42',
  userMessage: `<script>${'x'.repeat(5000)}`,
  now: Date.UTC(2026, 10, 24),
});
const ctx = {
  tenantId: 'acme',
  user: { id: 'u-42', email: 'ada@example.com' },
  flowId: 'creator-studio',
  journeyUrl: 'https://app.example.com/j/1',
};

describe('webhook payloads', () => {
  it('generic JSON carries the protocol ticket, the user and the tenant', () => {
    expect(genericPayload(ticket, ctx)).toMatchObject({
      type: 'smart_onboarding.escalation',
      version: 'v1',
      tenantId: 'acme',
      user: { email: 'ada@example.com' },
      ticket: { id: 'ticket-1' },
    });
  });

  it('Slack: text and blocks within Slack’s limits, markup escaped', () => {
    const p = slackPayload(ticket, ctx);
    expect(p.text).toBe('Onboarding help needed: ada@example.com');
    const blocks = p.blocks as Array<{ type: string; text?: { text: string }; fields?: unknown[] }>;
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'actions', 'context']);
    expect(blocks[0]!.text!.text.length).toBeLessThanOrEqual(150);
    expect(blocks[1]!.text!.text.length).toBeLessThanOrEqual(3000);
    expect(blocks[1]!.text!.text).toContain('&lt;script&gt;');
    expect(blocks[2]!.fields!.length).toBeLessThanOrEqual(10);
  });

  it('serialises the chosen format', () => {
    expect(JSON.parse(webhookBody('slack', ticket, ctx))).toHaveProperty('blocks');
    expect(JSON.parse(webhookBody('json', ticket, ctx))).toHaveProperty('ticket');
  });
});
