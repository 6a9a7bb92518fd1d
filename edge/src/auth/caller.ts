/** A tenant as authentication sees it: enough to check origins and identity proofs. */
export interface TenantAuth {
  id: string;
  allowedOrigins: string[];
  allowAnonymous: boolean;
  identitySecret: string;
}

/** Who is calling: the tenant and the key they presented. Set on the context by `requireKey`. */
export interface Caller {
  tenant: TenantAuth;
  key: { id: string; kind: 'publishable' | 'secret' };
}
