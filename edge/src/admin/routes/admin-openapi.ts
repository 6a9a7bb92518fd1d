import { ErrorBody } from '@smart-onboarding/protocol';
import { json } from '../../http/openapi';

/** Admin operations accept a console session (cookie plus `x-so-csrf`) or a secret key. */
export const adminSecurity: Record<string, string[]>[] = [
  { consoleSession: [], csrfToken: [] },
  { secretKey: [] },
];

/** The errors every admin operation can answer with. */
export const adminErrors = {
  400: json(ErrorBody, 'Invalid input (`bad_request`, `invalid_json`, `validation_failed`).'),
  401: json(ErrorBody, 'Not signed in, or an unknown key (`session_required`, `invalid_key`).'),
  403: json(
    ErrorBody,
    'The role may not do this, the CSRF check failed, or the key is not secret (`role_forbidden`, `csrf_failed`, `secret_key_required`).',
  ),
  429: json(ErrorBody, 'Too many requests (`rate_limited`).'),
} as const;
