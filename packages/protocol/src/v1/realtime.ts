import { z } from 'zod';
import { EventBatch, RejectedEvent } from './behavior';
import { EpochMs, ErrorBody } from './common';
import { OnboardingStep } from './flow';
import { HelpContent, InterventionPlan, StruggleMetrics } from './intervention';

/** Messages a browser tab sends over its WebSocket to the journey object. */
export const ClientMessage = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('hello'), sessionId: z.string().min(1).max(128) }),
    z.object({ type: z.literal('events'), batch: EventBatch }),
    z.object({ type: z.literal('struggle'), report: StruggleMetrics }),
    z.object({ type: z.literal('ping'), t: EpochMs }),
  ])
  .meta({ id: 'ClientMessage' });

/** Messages the journey object pushes down to a tab. */
export const ServerMessage = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('welcome'), journeyId: z.string(), currentStep: OnboardingStep.nullable() }),
    z.object({
      type: z.literal('ack'),
      ids: z.array(z.string()),
      duplicates: z.number().int().nonnegative(),
      /** Events of the batch refused one by one: the tab drops them instead of sending them again. */
      rejected: z.array(RejectedEvent).optional(),
    }),
    z.object({
      type: z.literal('next_step'),
      step: OnboardingStep.nullable(),
      variantId: z.string().optional(),
    }),
    z.object({ type: z.literal('intervention'), plan: InterventionPlan, reportedAt: EpochMs.optional() }),
    z.object({ type: z.literal('help'), help: HelpContent }),
    z.object({ type: z.literal('help_chunk'), helpId: z.string(), delta: z.string(), done: z.boolean() }),
    z.object({ type: z.literal('pong'), t: EpochMs }),
    z.object({ type: z.literal('error'), ...ErrorBody.shape }),
  ])
  .meta({ id: 'ServerMessage' });

export type ClientMessage = z.infer<typeof ClientMessage>;
export type ServerMessage = z.infer<typeof ServerMessage>;
