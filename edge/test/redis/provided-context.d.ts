// Values test/redis/global-setup.ts provides to the `edge` project's tests.
declare module 'vitest' {
  export interface ProvidedContext {
    /** The Upstash-compatible REST proxy in front of a real redis-server. */
    upstash: { url: string; token: string };
  }
}

export {};
