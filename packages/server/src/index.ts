/**
 * For tenants' servers: a typed client for the edge's admin and journey API (secret key) and the user
 * identity proof. Web Platform APIs only (fetch, Web Crypto): Node 18+, Deno, Bun, Cloudflare Workers.
 */
export {
  createServerClient,
  type ServerClient,
  type ServerClientOptions,
  SmartOnboardingError,
} from './client';
export { type OperationName, operations, type RequestOf, type ResponseOf } from './operations';
export { userHash } from './proof';
