import { ErrorBody } from '@smart-onboarding/protocol';

/** JSON content of a schema, as OpenAPI routes declare it. */
export function json<T>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

/** The error responses every route can give, declared once so each operation documents them. */
export const errorResponses = {
  400: json(ErrorBody, 'The request is malformed or fails validation.'),
  429: json(ErrorBody, 'Too many requests for this key or user.'),
} as const;
