/**
 * How clients reach the edge: paths, and where credentials go. Browsers cannot set headers on
 * `sendBeacon` or WebSocket requests, so every credential is accepted as a header and as a query parameter.
 */
export const PATHS = {
  health: '/health',
  openapi: '/openapi.json',
  events: '/v1/events',
  /** WebSocket upgrade for one tab of one user's journey. */
  socket: '/v1/socket',
  journeys: '/v1/journeys',
  flows: '/v1/flows',
  /** Issues a signed anonymous user id (tenants that allow anonymous visitors). */
  anonymousIdentity: '/v1/identity/anonymous',
  /** The tenant's audit log of admin reads and changes (secret key). */
  audit: '/v1/audit',
  /** The struggle model and onnxruntime-web's wasm, served from the edge (never a public CDN). */
  modelAssets: '/v1/model',
} as const;

/** Header names; the query parameter of the same meaning is given beside each. */
export const CREDENTIALS = {
  /** A publishable key (`pk_…`, browsers) or, as `Authorization: Bearer sk_…`, a secret key (servers). */
  publishableKey: { header: 'x-so-key', query: 'key' },
  userId: { header: 'x-so-user', query: 'user' },
  /** HMAC-SHA256(tenant identity secret, userId), hex: proves the user id came from the tenant's server. */
  userHash: { header: 'x-so-user-hash', query: 'user_hash' },
  sessionId: { header: 'x-so-session', query: 'session' },
} as const;
