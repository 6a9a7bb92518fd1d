import type { HelpArticle, ServerMessage } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { readAzureConfig } from '../adapters/azure-openai/azure-config';
import { createHelpService, helpDepsFor } from './help-service';
import { memoryEmbeddingStore } from './retrieval';

const azure = readAzureConfig({
  AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com',
  AZURE_OPENAI_API_KEY: 'k',
  AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat',
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'embed',
});

describe('helpDepsFor', () => {
  it('without Azure: no client, saying what is missing', () => {
    const deps = helpDepsFor(readAzureConfig({}), { embeddings: memoryEmbeddingStore() });
    expect(deps.client).toBeUndefined();
    expect(deps.aiConfigured).toBe(false);
    expect(deps.notConfigured).toContain('AZURE_OPENAI_API_KEY');
  });

  it('with Azure: a client, and one breaker and cache shared by every caller in the isolate', () => {
    const a = helpDepsFor(azure, { embeddings: memoryEmbeddingStore() });
    const b = helpDepsFor(azure, { embeddings: memoryEmbeddingStore() });
    expect(a.client).toBeDefined();
    expect(a.embeddingModel).toBe('embed');
    expect(a.breaker).toBe(b.breaker);
    expect(a.cache).toBe(b.cache);
    const other = helpDepsFor(
      readAzureConfig({
        AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com',
        AZURE_OPENAI_API_KEY: 'k',
        AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat-2',
        AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'embed',
      }),
      { embeddings: memoryEmbeddingStore() },
    );
    expect(other.breaker).not.toBe(a.breaker);
  });
});

describe('createHelpService', () => {
  const library: HelpArticle[] = [
    { id: 'connect', title: 'Connecting an account', body: 'Open Channels and press Connect.' },
  ];

  it('streams authored help grounded in the tenant’s library when Azure is not configured', async () => {
    const asked: string[] = [];
    const help = createHelpService({
      azure: readAzureConfig({}),
      embeddings: memoryEmbeddingStore(),
      articles: async (tenantId) => {
        asked.push(tenantId);
        return library;
      },
    });
    expect(help.aiConfigured).toBe(false);
    const messages: ServerMessage[] = [];
    for await (const m of help.messages({
      tenantId: 't1',
      flow: { id: 'f', version: 1 },
      question: 'connect',
    }))
      messages.push(m);
    expect(asked).toEqual(['t1']);
    const last = messages.at(-1);
    expect(last?.type).toBe('help');
    if (last?.type === 'help') {
      expect(last.help).toMatchObject({ source: 'authored', degradedReason: 'azure_not_configured' });
      expect(last.help.sources.map((s) => s.articleId)).toContain('connect');
    }
    expect(await help.embedArticles('t1', library)).toEqual({ embedded: 0, skipped: 'azure_not_configured' });
  });
});
