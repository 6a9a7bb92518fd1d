import type { OpenAPIHono } from '@hono/zod-openapi';
import * as protocol from '@smart-onboarding/protocol';
import { z } from 'zod';

/**
 * Puts every named schema of the protocol in the document's components, including those no HTTP route
 * uses (WebSocket messages, feature windows), so the document describes the whole wire format.
 * A schema is named by its `.meta({ id })` in the protocol package.
 */
export function registerProtocolComponents(registry: OpenAPIHono['openAPIRegistry']) {
  for (const value of Object.values(protocol)) {
    if (!(value instanceof z.ZodType)) continue;
    const id = z.globalRegistry.get(value)?.id;
    if (typeof id === 'string') registry.register(id, value);
  }
}
