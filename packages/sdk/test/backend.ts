import { createHmac } from 'node:crypto';
import { startDevServer } from '@smart-onboarding/testing';
import { startReceiver } from './receiver';

/** The local demo tenant the README's demo seeds. */
export const DEMO = { publishableKey: 'pk_demo_local', identitySecret: 'demo-identity-secret' } as const;

export interface Backend {
  kind: 'edge' | 'receiver';
  url: string;
  close(): Promise<void>;
}

/** The user hash a tenant's server would compute: hex HMAC-SHA256(identity secret, user id). */
export function userHash(userId: string): string {
  return createHmac('sha256', DEMO.identitySecret).update(userId).digest('hex');
}

/**
 * What the delivery tests talk to: the real edge (`startDevServer()`, wrangler dev with fresh state), or,
 * with `SDK_TEST_BACKEND=receiver`, the schema-validating receiver in `./receiver`.
 */
export async function startBackend(): Promise<Backend> {
  if (process.env.SDK_TEST_BACKEND === 'receiver') {
    const r = await startReceiver();
    return { kind: 'receiver', url: r.url, close: r.close };
  }
  const edge = await startDevServer();
  return { kind: 'edge', url: edge.url, close: edge.stop };
}
