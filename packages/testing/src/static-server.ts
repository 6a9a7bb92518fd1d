import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves files from `root` (and in-memory `pages`, path to HTML) on 127.0.0.1 at a free port, so browser
 * tests load pages over HTTP as real sites do. `handler` may answer a request first (an API stand-in).
 */
export async function serveStatic(options: {
  root?: string;
  pages?: Record<string, string>;
  handler?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
}): Promise<StaticServer> {
  const server = createServer(async (req, res) => {
    try {
      if (options.handler && (await options.handler(req, res))) return;
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const page = options.pages?.[pathname];
      if (page !== undefined) {
        res.writeHead(200, { 'content-type': TYPES['.html']! });
        res.end(page);
        return;
      }
      if (!options.root) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      const file = path.join(options.root, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
      if (!file.startsWith(path.resolve(options.root)))
        throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch (err) {
      const notFound =
        (err as { code?: string }).code === 'ENOENT' || (err as { code?: string }).code === 'EISDIR';
      res.writeHead(notFound ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(notFound ? 'not found' : String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
