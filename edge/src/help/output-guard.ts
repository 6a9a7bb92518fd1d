import type { HelpArticle } from '@smart-onboarding/protocol';

const SCRIPT_SCHEME = /\b(?:javascript|vbscript|data)\s*:/i;
const MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?\/?>/i;
const LINK = /\bhttps?:\/\/[^\s<>()[\]"'`]+|\bwww\.[^\s<>()[\]"'`]+/gi;

const hostOf = (url: string) => {
  try {
    return new URL(url.startsWith('www.') ? `https://${url}` : url).host.toLowerCase();
  } catch {
    return null;
  }
};

/**
 * Why generated help must not be shown, or null when it may: a model talked into it by planted text
 * (issue 12, hole 3) would send users elsewhere, so an answer may link only to the hosts of the tenant's
 * help articles it was grounded in, and carries neither markup nor a script link. Checked as the answer
 * streams, so a bad answer is cut as soon as it shows.
 *
 * @example
 * helpOutputProblem('See https://evil.example', articles); // 'foreign_link: evil.example'
 */
export function helpOutputProblem(text: string, articles: readonly HelpArticle[]): string | null {
  if (SCRIPT_SCHEME.test(text)) return 'script_link';
  if (MARKUP.test(text)) return 'markup';
  const allowed = new Set(articles.flatMap((a) => (a.url ? [hostOf(a.url)] : [])));
  for (const link of text.match(LINK) ?? []) {
    const host = hostOf(link);
    if (!host || !allowed.has(host)) return `foreign_link: ${host ?? link.slice(0, 80)}`;
  }
  return null;
}
