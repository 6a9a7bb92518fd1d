import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';

/**
 * A stand-in for a Cloudflare Access team, in Node: it publishes an RSA signing key at
 * `/cdn-cgi/access/certs` as Access does. The tests inside workerd sign tokens with the private half
 * (handed over by `inject('access')`), and the edge fetches the public half over real HTTP.
 */
export default async function setup(project: TestProject) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'stand-in-key-1';
  const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const server = createServer((req, res) => {
    if (req.url === '/cdn-cgi/access/certs') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [publicJwk], public_cert: { kid, cert: '' }, public_certs: [] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  project.provide('access', {
    teamDomain: `http://127.0.0.1:${port}`,
    kid,
    privateJwk: privateKey.export({ format: 'jwk' }) as JsonWebKey,
  });
  return () => server.close();
}
