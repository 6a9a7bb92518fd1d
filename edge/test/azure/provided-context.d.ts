// Values the intelligence project's globalSetup provides to tests (see test/azure/global-setup.ts).
declare module 'vitest' {
  export interface ProvidedContext {
    /** The Azure OpenAI stand-in's base URL, for `AZURE_OPENAI_ENDPOINT`. */
    azureEndpoint: string;
    /** The webhook receiver's base URL; hooks live at `${url}/hooks/{name}`. */
    webhookReceiverUrl: string;
  }
}

export {};
