import { OpenAPIHono } from '@hono/zod-openapi';
import { ErrorBody, PATHS } from '@smart-onboarding/protocol';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';
import { json } from '../http/openapi';
import { requireKey } from '../middleware/auth/require-key';

/** Content types the model files need; `application/wasm` lets browsers compile while downloading. */
const CONTENT_TYPES: Record<string, string> = {
  wasm: 'application/wasm',
  onnx: 'application/octet-stream',
  mjs: 'text/javascript; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Files whose name carries a version or content hash never change: cache them for a year. */
const VERSIONED = /(?:[.-][0-9a-f]{8,}\.|[.-]v?\d+\.\d+\.\d+)/i;

export function modelCacheControl(path: string): string {
  return VERSIONED.test(path)
    ? 'public, max-age=31536000, immutable'
    : 'public, max-age=86400, stale-while-revalidate=604800';
}

/**
 * `GET /v1/model/*`: the struggle model and onnxruntime-web's files, from the Worker's static assets
 * (`edge/public/v1/model/`). A cross-origin request (with an Origin) needs a publishable key whose tenant
 * allows that origin, as every browser call does; a same-origin or server request needs none.
 */
export const modelAssetRoutes = new OpenAPIHono<AppEnv>();

modelAssetRoutes.openAPIRegistry.registerPath({
  method: 'get',
  path: `${PATHS.modelAssets}/{file}`,
  operationId: 'getModelAsset',
  tags: ['model'],
  summary: 'A file of the struggle model or of onnxruntime-web (wasm, mjs, onnx).',
  description: 'Cross-origin requests need `key` (query) or `x-so-key` from an allowed origin.',
  request: { params: z.object({ file: z.string().meta({ example: 'struggle.onnx' }) }) },
  responses: {
    200: { description: 'The file, with a long cache lifetime and an ETag.' },
    304: { description: 'Not modified.' },
    404: json(ErrorBody, 'No such file (`not_found`).'),
    403: json(ErrorBody, 'The origin is not allowed for the key (`origin_not_allowed`).'),
  },
});

const keyForBrowsers = requireKey({ secret: false });

modelAssetRoutes.on(
  ['GET', 'HEAD'],
  `${PATHS.modelAssets}/*`,
  async (c, next) => {
    if (c.req.header('origin')) return keyForBrowsers(c, next);
    return next();
  },
  async (c) => {
    const path = c.req.path;
    const conditional = new Headers();
    for (const h of ['if-none-match', 'if-modified-since', 'range']) {
      const v = c.req.header(h);
      if (v) conditional.set(h, v);
    }
    const asset = await c.var.services.assets.fetch(
      new Request(new URL(path, c.req.url), { method: c.req.method, headers: conditional }),
    );
    if (asset.status === 404) throw new ApiError(404, 'not_found', `no model file ${path}`);
    const headers = new Headers(asset.headers);
    const ext = path.split('.').pop()?.toLowerCase() ?? '';
    const type = CONTENT_TYPES[ext];
    if (type) headers.set('content-type', type);
    headers.set('cache-control', modelCacheControl(path));
    headers.set('x-content-type-options', 'nosniff');
    const origin = c.req.header('origin');
    if (origin) {
      headers.set('access-control-allow-origin', origin);
      headers.append('vary', 'Origin');
    }
    // Hono's CORS middleware would set its headers on the immutable response of the assets binding.
    return new Response(asset.body, { status: asset.status, headers });
  },
);
