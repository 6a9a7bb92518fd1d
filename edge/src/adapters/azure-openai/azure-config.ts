/**
 * Azure OpenAI settings, read from the Worker's environment:
 *
 * | variable                              | meaning                                                  |
 * | ------------------------------------- | -------------------------------------------------------- |
 * | `AZURE_OPENAI_ENDPOINT`               | `https://<resource>.openai.azure.com` (a secret or var)  |
 * | `AZURE_OPENAI_API_KEY`                | the resource key (`wrangler secret put`)                 |
 * | `AZURE_OPENAI_CHAT_DEPLOYMENT`        | deployment name of the chat model (e.g. gpt-4o-mini)     |
 * | `AZURE_OPENAI_EMBEDDING_DEPLOYMENT`   | deployment name of the embedding model                   |
 * | `AZURE_OPENAI_API_VERSION`            | optional, default `2024-10-21` (the GA data-plane API)   |
 * | `AZURE_OPENAI_TIMEOUT_MS`             | optional, default 8000: per attempt, until headers       |
 *
 * Without the first four, help is authored and says so (`degradedReason: 'azure_not_configured'`).
 */
/** The Worker's variables this adapter reads (part of `Env`). */
export interface AzureOpenAIEnv {
  AZURE_OPENAI_ENDPOINT?: string;
  AZURE_OPENAI_API_KEY?: string;
  AZURE_OPENAI_CHAT_DEPLOYMENT?: string;
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT?: string;
  AZURE_OPENAI_API_VERSION?: string;
  AZURE_OPENAI_TIMEOUT_MS?: string;
}

export interface AzureOpenAIConfig {
  endpoint: string;
  apiKey: string;
  apiVersion: string;
  chatDeployment: string;
  embeddingDeployment: string;
  timeoutMs: number;
}

const DEFAULT_AZURE_API_VERSION = '2024-10-21';

export type AzureConfigResult = { ok: true; config: AzureOpenAIConfig } | { ok: false; missing: string[] };

/**
 * @example
 * const azure = readAzureConfig(env);
 * if (!azure.ok) console.info(`AI help off: ${azure.missing.join(', ')} not set`);
 */
export function readAzureConfig(env: Readonly<AzureOpenAIEnv>): AzureConfigResult {
  const get = (k: keyof AzureOpenAIEnv) => {
    const value = env[k];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const required: (keyof AzureOpenAIEnv)[] = [
    'AZURE_OPENAI_ENDPOINT',
    'AZURE_OPENAI_API_KEY',
    'AZURE_OPENAI_CHAT_DEPLOYMENT',
    'AZURE_OPENAI_EMBEDDING_DEPLOYMENT',
  ];
  const missing = required.filter((k) => !get(k));
  if (missing.length) return { ok: false, missing };
  const endpoint = get('AZURE_OPENAI_ENDPOINT')!;
  try {
    const url = new URL(endpoint);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      return { ok: false, missing: ['AZURE_OPENAI_ENDPOINT (not an http(s) URL)'] };
  } catch {
    return { ok: false, missing: ['AZURE_OPENAI_ENDPOINT (not a URL)'] };
  }
  const timeout = Number(get('AZURE_OPENAI_TIMEOUT_MS') ?? 8000);
  return {
    ok: true,
    config: {
      endpoint,
      apiKey: get('AZURE_OPENAI_API_KEY')!,
      apiVersion: get('AZURE_OPENAI_API_VERSION') ?? DEFAULT_AZURE_API_VERSION,
      chatDeployment: get('AZURE_OPENAI_CHAT_DEPLOYMENT')!,
      embeddingDeployment: get('AZURE_OPENAI_EMBEDDING_DEPLOYMENT')!,
      timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 8000,
    },
  };
}
