// Values test/admin/access-global-setup.ts provides to the `edge` project's tests.
declare module 'vitest' {
  export interface ProvidedContext {
    /** The Cloudflare Access stand-in: its team domain and the private key its published key pairs with. */
    access: { teamDomain: string; kid: string; privateJwk: JsonWebKey };
  }
}

export {};
