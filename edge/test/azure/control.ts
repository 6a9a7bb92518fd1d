import { inject } from 'vitest';
import type { Behaviour, ReceivedRequest } from './azure-openai-server';

/**
 * Workerd-side helpers that drive the stand-ins over HTTP. Only types come from the Node servers, so
 * this file runs inside workerd.
 */

export const AZURE_TEST_API_KEY = 'test-azure-key';

/**
 * The stand-ins are started by the `edge-intel` project's globalSetup. The `edge` project's glob also
 * matches these test files; there nothing is provided, and the tests that need the stand-ins skip.
 */
export function standInsAvailable(): boolean {
  return typeof inject('azureEndpoint') === 'string' && typeof inject('webhookReceiverUrl') === 'string';
}

export function azureEndpoint(): string {
  return inject('azureEndpoint');
}

let counter = 0;
/** A deployment name no other test uses, so concurrent tests do not consume each other's scripts. */
export function uniqueDeployment(label: string): string {
  counter++;
  return `${label}-${counter}-${crypto.randomUUID().slice(0, 8)}`;
}

export async function scriptDeployment(name: string, script: Behaviour[]): Promise<void> {
  const res = await fetch(`${azureEndpoint()}/__control/deployments/${encodeURIComponent(name)}`, {
    method: 'POST',
    body: JSON.stringify({ script }),
  });
  if (!res.ok) throw new Error(`could not script deployment ${name}: ${res.status}`);
  await res.arrayBuffer();
}

export async function receivedBy(name: string): Promise<{ received: ReceivedRequest[]; remaining: number }> {
  const res = await fetch(`${azureEndpoint()}/__control/deployments/${encodeURIComponent(name)}`);
  return (await res.json()) as { received: ReceivedRequest[]; remaining: number };
}

export interface HookConfig {
  secret: string;
  failFirst?: number;
  failStatus?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
}

export async function armHook(name: string, config: HookConfig): Promise<string> {
  const base = inject('webhookReceiverUrl');
  const res = await fetch(`${base}/__control/hooks/${encodeURIComponent(name)}`, {
    method: 'POST',
    body: JSON.stringify(config),
  });
  await res.arrayBuffer();
  return `${base}/hooks/${encodeURIComponent(name)}`;
}

export async function hookAttempts(
  name: string,
): Promise<
  Array<{ at: number; status: number; signatureValid: boolean; timestamp: string | null; body: unknown }>
> {
  const base = inject('webhookReceiverUrl');
  const res = await fetch(`${base}/__control/hooks/${encodeURIComponent(name)}`);
  return ((await res.json()) as { attempts: never[] }).attempts;
}
