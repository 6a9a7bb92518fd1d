import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';

/**
 * A help desk stand-in, in Node, speaking plain HTTP: it answers 200 to every POST and keeps what it got
 * by path, with the headers; `GET /received?path=/a` hands the deliveries back to tests inside workerd.
 */
export default async function setup(project: TestProject) {
  const received = new Map<string, { headers: Record<string, unknown>; body: string }[]>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (req.method === 'GET' && url.pathname === '/received') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(received.get(url.searchParams.get('path') ?? '') ?? []));
      return;
    }
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.set(url.pathname, [...(received.get(url.pathname) ?? []), { headers: req.headers, body }]);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  project.provide('webhookReceiver', `http://127.0.0.1:${port}`);
  return () => server.close();
}
