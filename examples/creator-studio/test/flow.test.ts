import { readFileSync } from 'node:fs';
import { FlowDefinition } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../public/${name}`, import.meta.url), 'utf8'));

describe('creator-studio flow definition', () => {
  const flow = FlowDefinition.parse(read('flow.json'));
  const html = readFileSync(new URL('../public/app.js', import.meta.url), 'utf8');

  it('is a valid flow whose every target exists in the app', () => {
    for (const step of flow.steps) {
      const id = step.target?.selector.replace(/^#/, '');
      expect(html, `target of ${step.id}`).toMatch(new RegExp(`id="${id}"|id="connect-\\$\\{c\\}"`));
    }
  });

  it('names help articles that exist', () => {
    const articles = new Set(read('help-articles.json').map((a: { id: string }) => a.id));
    for (const step of flow.steps) for (const a of step.helpArticleIds) expect(articles.has(a), a).toBe(true);
  });

  it('has goal events the app tracks', () => {
    for (const step of flow.steps) {
      if (step.goal.kind === 'event') expect(html).toContain(`track('${step.goal.event}'`);
    }
  });
});
