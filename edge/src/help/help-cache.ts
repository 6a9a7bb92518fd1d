import type { HelpContent, StruggleReason } from '@smart-onboarding/protocol';
import { unitHash } from '../intelligence/stable-hash';
import { scrub } from './scrub';

/** What generated help is cached by: the moment, never the person. */
interface HelpCacheKeyParts {
  tenantId: string;
  flowId: string;
  flowVersion: number;
  stepId?: string;
  reasons?: readonly StruggleReason[];
  /** The element's selector; part of the key because help names the element. */
  element?: string;
  locale?: string;
  /** A question the user typed: scrubbed, then hashed into the key. */
  question?: string;
  /** The page path the browser reported: it goes into the prompt, so it must key the answer. */
  page?: string;
  guidance?: string;
  /** The tenant's help library the answer was grounded in: an edited article is a new answer. */
  articles?: readonly { id: string; title: string; body: string; url?: string }[];
}

const short = (text: string) => Math.floor(unitHash(text) * 2 ** 32).toString(36);

/**
 * The cache key of generated help, per step and reason: the tenant's flow version, the step, the top
 * three struggle reasons (sorted by weight, then name, so the same situation hits the same entry), the
 * element, the page, the guidance, the locale and the article set. Everything that shapes the prompt is in
 * the key, so text one browser planted is only ever served back to a request with that same text (issue 12,
 * hole 1). No user id: the same moment gets the same answer for everyone, and help never
 * carries one user's data to another (the question, if any, is scrubbed before hashing).
 *
 * @example
 * helpCacheKey({ tenantId: 't1', flowId: 'creator-studio', flowVersion: 3, stepId: 'schedule-post', reasons }); // 'help:v1:t1:creator-studio@3:schedule-post:dead_click+rage_click:-:-:-:-:-:-'
 */
export function helpCacheKey(p: HelpCacheKeyParts): string {
  const reasons = [...(p.reasons ?? [])]
    .sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code))
    .slice(0, 3)
    .map((r) => r.code)
    .sort()
    .join('+');
  return [
    'help:v1',
    p.tenantId,
    `${p.flowId}@${p.flowVersion}`,
    p.stepId ?? '-',
    reasons || '-',
    p.element ? short(p.element) : '-',
    p.locale ?? '-',
    p.question ? short(scrub(p.question).trim().toLowerCase()) : '-',
    p.page ? short(p.page) : '-',
    p.guidance ?? '-',
    p.articles ? short(JSON.stringify(p.articles.map((a) => [a.id, a.title, a.body, a.url ?? '']))) : '-',
  ].join(':');
}

/** Where generated help is kept between identical moments. Phase 2 may back it with the Cache API or Redis. */
export interface HelpCache {
  get(key: string): Promise<HelpContent | undefined>;
  put(key: string, help: HelpContent, ttlSec: number): Promise<void>;
}

/**
 * An in-memory LRU with expiry: lives as long as its isolate or Durable Object.
 *
 * @example
 * const cache = memoryHelpCache({ maxEntries: 200 });
 */
export function memoryHelpCache(options: { maxEntries?: number; now?: () => number } = {}): HelpCache {
  const max = options.maxEntries ?? 256;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { help: HelpContent; expiresAt: number }>();
  return {
    async get(key) {
      const e = entries.get(key);
      if (!e) return undefined;
      entries.delete(key);
      if (e.expiresAt <= now()) return undefined;
      entries.set(key, e); // most recently used goes last
      return e.help;
    },
    async put(key, help, ttlSec) {
      entries.delete(key);
      entries.set(key, { help, expiresAt: now() + ttlSec * 1000 });
      while (entries.size > max) entries.delete(entries.keys().next().value as string);
    },
  };
}
