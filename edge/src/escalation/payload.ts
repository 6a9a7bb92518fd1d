import type { EscalationTicket } from '@smart-onboarding/protocol';

/** Who the ticket is about, for the help desk (e-mail only when the tenant's server provided it). */
interface EscalationUser {
  id: string;
  email?: string;
  traits?: Record<string, string | number | boolean | null>;
}

export interface EscalationContext {
  tenantId: string;
  user: EscalationUser;
  flowId?: string;
  /** A link for the agent: the journey in the tenant's dashboard, when they have one. */
  journeyUrl?: string;
}

export type WebhookFormat = 'json' | 'slack';

/** The generic JSON payload: the ticket as the protocol defines it, plus who and where. */
export function genericPayload(ticket: EscalationTicket, ctx: EscalationContext) {
  return {
    type: 'smart_onboarding.escalation' as const,
    version: 'v1' as const,
    tenantId: ctx.tenantId,
    ...(ctx.flowId ? { flowId: ctx.flowId } : {}),
    user: ctx.user,
    ticket,
    ...(ctx.journeyUrl ? { journeyUrl: ctx.journeyUrl } : {}),
  };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** Slack's mrkdwn treats these three as markup. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A Slack incoming-webhook message: `text` (the notification and fallback) and Block Kit `blocks`
 * (a header, the summary, the facts as fields, a link to the journey). Within Slack's limits: header 150
 * characters, section text 3,000, at most 10 fields of 2,000.
 */
export function slackPayload(ticket: EscalationTicket, ctx: EscalationContext) {
  const who = ctx.user.email ?? ctx.user.id;
  const text = clip(`Onboarding help needed: ${who}${ticket.stepId ? ` on ${ticket.stepId}` : ''}`, 150);
  const fields = [
    { type: 'mrkdwn', text: `*User*\n${esc(who)}` },
    ...(ticket.stepId ? [{ type: 'mrkdwn', text: `*Step*\n${esc(ticket.stepId)}` }] : []),
    ...(ctx.flowId ? [{ type: 'mrkdwn', text: `*Flow*\n${esc(ctx.flowId)}` }] : []),
    { type: 'mrkdwn', text: `*Ticket*\n${esc(ticket.id)}` },
  ];
  const blocks: unknown[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: clip('Onboarding: a user needs a person', 150), emoji: false },
    },
    { type: 'section', text: { type: 'mrkdwn', text: clip(esc(ticket.summary), 3000) } },
    { type: 'section', fields },
  ];
  if (ctx.journeyUrl) {
    blocks.push({
      type: 'actions',
      elements: [
        { type: 'button', text: { type: 'plain_text', text: 'Open the journey' }, url: ctx.journeyUrl },
      ],
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `Smart Onboarding · tenant ${esc(ctx.tenantId)} · ${new Date(ticket.createdAt).toISOString()}`,
      },
    ],
  });
  return { text, blocks };
}

export function webhookBody(format: WebhookFormat, ticket: EscalationTicket, ctx: EscalationContext): string {
  return JSON.stringify(format === 'slack' ? slackPayload(ticket, ctx) : genericPayload(ticket, ctx));
}
