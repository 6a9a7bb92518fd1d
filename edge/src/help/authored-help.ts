import type { HelpArticle, HelpContent } from '@smart-onboarding/protocol';
import type { HelpRequest } from './help-request';

/**
 * Help written by the tenant, served when generation is not possible: the step's simplest wording and the
 * articles linked from the step (or the best-ranked ones). `degradedReason` says why it is not generated,
 * so the widget and the dashboards can tell.
 *
 * @example
 * authoredHelp(req, rankedArticles, 'azure_not_configured', 'help-1');
 */
export function authoredHelp(
  req: HelpRequest,
  ranked: readonly HelpArticle[],
  degradedReason: string,
  id: string,
): HelpContent {
  const step = req.step;
  const simplified = step?.variants.find((v) => v.style === 'simplified');
  const linked = step ? req.articles.filter((a) => step.helpArticleIds.includes(a.id)) : [];
  const articles = (linked.length ? linked : ranked).slice(0, 2);
  const parts: string[] = [];
  if (step) parts.push(`${simplified?.title ?? step.title}\n${simplified?.body || step.body}`.trim());
  for (const a of articles) parts.push(`${a.title}: ${a.body}`);
  if (parts.length === 0)
    parts.push('We could not find help for this page. Ask us and a person will help you.');
  return {
    id,
    ...(step ? { stepId: step.id } : {}),
    source: 'authored',
    text: parts.join('\n\n').slice(0, 20_000),
    ...((req.element ?? step?.target?.selector)
      ? { targetSelector: (req.element ?? step?.target?.selector)! }
      : {}),
    sources: articles.map((a) => ({ articleId: a.id, title: a.title, ...(a.url ? { url: a.url } : {}) })),
    degradedReason: degradedReason.slice(0, 200),
  };
}
