import type { TestProject } from 'vitest/node';
import { startAzureOpenAIStandIn } from './azure-openai-server';
import { startWebhookReceiver } from './webhook-receiver';

/**
 * Starts, in Node, the two outside services the intelligence tests talk to over real HTTP from inside
 * workerd: the Azure OpenAI stand-in and a help desk's webhook receiver. Their URLs reach the tests
 * through `inject('azureEndpoint')` and `inject('webhookReceiverUrl')`.
 */
export default async function setup(project: TestProject) {
  const azure = await startAzureOpenAIStandIn();
  const receiver = await startWebhookReceiver();
  project.provide('azureEndpoint', azure.endpoint);
  project.provide('webhookReceiverUrl', receiver.url);
  return async () => {
    await Promise.all([azure.close(), receiver.close()]);
  };
}
