import type { HelpArticle, OnboardingStep, StruggleReason } from '@smart-onboarding/protocol';

/** The moment help is asked for: the step, the element, the page, why, and the tenant's articles. */
export interface HelpRequest {
  tenantId: string;
  flow: { id: string; version: number; name?: string };
  step?: OnboardingStep;
  /** The struggle that triggered help, if any. */
  reasons?: readonly StruggleReason[];
  /** Selector of the element the user is stuck on. */
  element?: string;
  page?: { path: string };
  /** What the user typed into the help panel, if anything. */
  question?: string;
  locale?: string;
  /** From the persona's approach: how much to say. */
  guidance?: 'detailed' | 'standard' | 'minimal';
  /** The tenant's help library (the caller loads it; retrieval picks from it). */
  articles: readonly HelpArticle[];
}

/** A moment that needs help, before the tenant's library is loaded for it (`HelpService.messages` does). */
export type HelpMoment = Omit<HelpRequest, 'articles'>;
