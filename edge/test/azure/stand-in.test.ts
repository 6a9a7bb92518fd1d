import { AzureOpenAI } from 'openai';
import { describe, expect, it } from 'vitest';
import {
  AZURE_TEST_API_KEY,
  azureEndpoint,
  receivedBy,
  scriptDeployment,
  standInsAvailable,
  uniqueDeployment,
} from './control';

// The stand-in must speak the protocol the real client expects, or every adapter test proves nothing.
describe.skipIf(!standInsAvailable())(
  'the Azure OpenAI stand-in, through the real AzureOpenAI client from workerd',
  () => {
    const client = (deployment: string) =>
      new AzureOpenAI({
        endpoint: azureEndpoint(),
        apiKey: AZURE_TEST_API_KEY,
        apiVersion: '2024-10-21',
        deployment,
        maxRetries: 0,
      });

    it('answers a chat completion, with the api-key header and api-version query', async () => {
      const deployment = uniqueDeployment('chat');
      await scriptDeployment(deployment, [{ kind: 'ok', content: 'Click Connect.' }]);
      const res = await client(deployment).chat.completions.create({
        model: deployment,
        messages: [{ role: 'user', content: 'help' }],
      });
      expect(res.choices[0]?.message.content).toBe('Click Connect.');
      const { received } = await receivedBy(deployment);
      expect(received[0]).toMatchObject({ apiKey: AZURE_TEST_API_KEY, apiVersion: '2024-10-21' });
    });

    it('streams deltas as server-sent events, starting with a choice-less filter chunk', async () => {
      const deployment = uniqueDeployment('stream');
      await scriptDeployment(deployment, [{ kind: 'ok', content: 'one two three' }]);
      const stream = await client(deployment).chat.completions.create({
        model: deployment,
        stream: true,
        messages: [{ role: 'user', content: 'help' }],
      });
      let text = '';
      let chunks = 0;
      for await (const chunk of stream) {
        chunks++;
        text += chunk.choices[0]?.delta.content ?? '';
      }
      expect(text).toBe('one two three');
      expect(chunks).toBeGreaterThan(3);
    });

    it('throttles with 429 and retry-after, which the client surfaces as a RateLimitError', async () => {
      const deployment = uniqueDeployment('throttle');
      await scriptDeployment(deployment, [{ kind: 'throttle', retryAfterSeconds: 3 }]);
      const error = await client(deployment)
        .chat.completions.create({ model: deployment, messages: [{ role: 'user', content: 'help' }] })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 429 });
      expect((error as { headers: Headers }).headers.get('retry-after')).toBe('3');
    });

    it('refuses a wrong key with 401', async () => {
      const deployment = uniqueDeployment('key');
      const wrong = new AzureOpenAI({
        endpoint: azureEndpoint(),
        apiKey: 'nope',
        apiVersion: '2024-10-21',
        deployment,
        maxRetries: 0,
      });
      const error = await wrong.embeddings.create({ model: deployment, input: 'x' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 401 });
    });

    it('embeds texts so that shared words are close', async () => {
      const deployment = uniqueDeployment('embed');
      const res = await client(deployment).embeddings.create({
        model: deployment,
        input: ['connect instagram account', 'connect your instagram', 'billing invoice pdf'],
      });
      const [a, b, c] = res.data.map((d) => d.embedding);
      const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
      expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!));
    });
  },
);
