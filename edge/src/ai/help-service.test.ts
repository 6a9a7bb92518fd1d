import { describe, expect, it } from 'vitest';
import { helpDepsFromEnv } from './help-service';
import { memoryEmbeddingStore } from './retrieval';

const azure = {
  AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com',
  AZURE_OPENAI_API_KEY: 'k',
  AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat',
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'embed',
};

describe('helpDepsFromEnv', () => {
  it('without Azure: no client, saying what is missing', () => {
    const deps = helpDepsFromEnv({}, { embeddings: memoryEmbeddingStore() });
    expect(deps.client).toBeUndefined();
    expect(deps.aiConfigured).toBe(false);
    expect(deps.notConfigured).toContain('AZURE_OPENAI_API_KEY');
  });

  it('with Azure: a client, and one breaker and cache shared by every caller in the isolate', () => {
    const a = helpDepsFromEnv(azure, { embeddings: memoryEmbeddingStore() });
    const b = helpDepsFromEnv(azure, { embeddings: memoryEmbeddingStore() });
    expect(a.client).toBeDefined();
    expect(a.embeddingModel).toBe('embed');
    expect(a.breaker).toBe(b.breaker);
    expect(a.cache).toBe(b.cache);
    const other = helpDepsFromEnv(
      { ...azure, AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat-2' },
      { embeddings: memoryEmbeddingStore() },
    );
    expect(other.breaker).not.toBe(a.breaker);
  });
});
