// Values test/admin/access-global-setup.ts and test/escalation/webhook-global-setup.ts provide to the `edge` project's tests.
declare module 'vitest' {
  export interface ProvidedContext {
    /** The Cloudflare Access stand-in: its team domain and the private key its published key pairs with. */
    access: { teamDomain: string; kid: string; privateJwk: JsonWebKey };
    /** The help desk stand-in of test/escalation/webhook-global-setup.ts: its origin. */
    webhookReceiver: string;
  }
}

export {};
