/**
 * The wire protocol of Smart Onboarding. The unversioned entry re-exports the current version (v1);
 * import `@smart-onboarding/protocol/v1` to pin it.
 *
 * Browser code should import types only (`import type { BehaviorEvent } from '@smart-onboarding/protocol'`):
 * types are erased at build time, so no schema code reaches a page.
 */
export * from './v1/index';
