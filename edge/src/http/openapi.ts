import { ErrorBody } from '@smart-onboarding/protocol';

/** JSON content of a schema, as OpenAPI routes declare it. */
export function json<T>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

/** The error responses every route can give, declared once so each operation documents them. */
const errorResponses = {
  400: json(
    ErrorBody,
    'The request is malformed or fails validation (`bad_request`, `invalid_json`, `validation_failed`).',
  ),
  429: json(ErrorBody, 'Too many requests for this key or user (`rate_limited`).'),
} as const;

/** Errors of routes that need a key. */
export const keyErrorResponses = {
  ...errorResponses,
  401: json(ErrorBody, 'No key, an unknown or revoked key (`unauthorized`, `invalid_key`).'),
  403: json(
    ErrorBody,
    'The key may not do this, or the origin is not allowed (`secret_key_required`, `origin_not_allowed`).',
  ),
} as const;

/** Errors of routes that act for one user. */
export const userErrorResponses = {
  ...keyErrorResponses,
  401: json(
    ErrorBody,
    'No key, an unknown key, or a missing or wrong user hash (`unauthorized`, `invalid_key`, `user_hash_required`, `user_hash_invalid`).',
  ),
  404: json(ErrorBody, 'The user has no journey, or the flow or step does not exist (`not_found`).'),
  409: json(ErrorBody, 'The journey is in another state (`conflict`, `prerequisites_unmet`).'),
} as const;

/** Security requirements as the document names them (see `registerSecuritySchemes`). */
type SecurityRequirement = Record<string, string[]>;
export const security: Record<'anyKey' | 'secretKey' | 'user', SecurityRequirement[]> = {
  anyKey: [{ publishableKey: [] }, { secretKey: [] }],
  secretKey: [{ secretKey: [] }],
  user: [{ publishableKey: [], userId: [], userHash: [] }, { secretKey: [] }],
};
