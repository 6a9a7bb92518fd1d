import type { TargetingRule, TraitCondition } from '@smart-onboarding/protocol';
import { unitHash } from '../intelligence/stable-hash';

type Scalar = string | number | boolean | null;

/** What a rule is judged on: the page, the user, the traits the tenant's server stored, the time. */
export interface TargetingContext {
  url: string;
  userId: string;
  traits: Record<string, Scalar>;
  now: number;
}

/**
 * The first enabled rule whose every condition holds, and its flow; none when no rule matches. Pure:
 * the rollout bucket is a stable hash of the flow and user, so a user stays in or out across requests.
 */
export function chooseFlow(rules: readonly TargetingRule[], context: TargetingContext) {
  const index = rules.findIndex((rule) => ruleMatches(rule, context));
  return index < 0 ? { flowId: null, rule: null } : { flowId: rules[index]!.flowId, rule: index };
}

function ruleMatches(rule: TargetingRule, context: TargetingContext): boolean {
  if (!rule.enabled) return false;
  if (rule.startAt !== undefined && context.now < rule.startAt) return false;
  if (rule.endAt !== undefined && context.now >= rule.endAt) return false;
  if (rule.pages.length > 0 && !rule.pages.some((p) => pageMatches(p, context.url))) return false;
  if (!rule.traits.every((c) => traitMatches(c, context.traits))) return false;
  return unitHash(`rollout:${rule.flowId}:${context.userId}`) * 100 < rule.rolloutPercent;
}

/** `*` matches any run of characters; a pattern starting with `/` is matched against the path and query. */
export function pageMatches(pattern: string, url: string): boolean {
  let target = url;
  if (pattern.startsWith('/')) {
    try {
      const parsed = new URL(url);
      target = parsed.pathname + parsed.search;
    } catch {
      return false;
    }
  }
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(target);
}

function traitMatches(condition: TraitCondition, traits: Record<string, Scalar>): boolean {
  const actual = traits[condition.key];
  const { value } = condition;
  switch (condition.op) {
    case 'exists':
      return actual !== undefined && actual !== null;
    case 'eq':
      return actual === value;
    case 'neq':
      return actual !== value;
    case 'in':
      return (
        Array.isArray(value) && actual !== undefined && actual !== null && value.includes(String(actual))
      );
    case 'gt':
      return typeof actual === 'number' && typeof value === 'number' && actual > value;
    case 'lt':
      return typeof actual === 'number' && typeof value === 'number' && actual < value;
  }
}
