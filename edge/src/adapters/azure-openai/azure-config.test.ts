import { describe, expect, it } from 'vitest';
import { readAzureConfig } from './azure-config';

const full = {
  AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com',
  AZURE_OPENAI_API_KEY: 'k',
  AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat',
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'embed',
};

describe('readAzureConfig', () => {
  it.each([
    {
      name: 'nothing set',
      env: {},
      missing: [
        'AZURE_OPENAI_ENDPOINT',
        'AZURE_OPENAI_API_KEY',
        'AZURE_OPENAI_CHAT_DEPLOYMENT',
        'AZURE_OPENAI_EMBEDDING_DEPLOYMENT',
      ],
    },
    { name: 'blank key', env: { ...full, AZURE_OPENAI_API_KEY: '  ' }, missing: ['AZURE_OPENAI_API_KEY'] },
    {
      name: 'endpoint not a URL',
      env: { ...full, AZURE_OPENAI_ENDPOINT: 'res.openai' },
      missing: ['AZURE_OPENAI_ENDPOINT (not a URL)'],
    },
  ])('$name → off, naming what is missing', ({ env, missing }) => {
    expect(readAzureConfig(env)).toEqual({ ok: false, missing });
  });

  it('reads a full configuration with defaults', () => {
    expect(readAzureConfig(full)).toEqual({
      ok: true,
      config: {
        endpoint: full.AZURE_OPENAI_ENDPOINT,
        apiKey: 'k',
        apiVersion: '2024-10-21',
        chatDeployment: 'chat',
        embeddingDeployment: 'embed',
        timeoutMs: 8000,
      },
    });
    const custom = readAzureConfig({
      ...full,
      AZURE_OPENAI_API_VERSION: '2025-01-01-preview',
      AZURE_OPENAI_TIMEOUT_MS: '2500',
    });
    expect(custom.ok && custom.config).toMatchObject({ apiVersion: '2025-01-01-preview', timeoutMs: 2500 });
  });
});
