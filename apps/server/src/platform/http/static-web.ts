import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * Serves the built web app at `/`. Paths outside /api that are not files get index.html, so
 * that the browser router can handle deep links; /api paths keep their JSON 404. The build
 * writes brotli and gzip copies beside each asset (scripts/precompress.mjs); the one the
 * browser accepts is sent, the file itself otherwise (docs/decisions/0008).
 */
export async function registerStaticWeb(app: FastifyInstance, webDist: string | undefined): Promise<boolean> {
  if (!webDist || !existsSync(path.join(webDist, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    preCompressed: true,
    setHeaders: (res, filePath) => {
      // Hashed assets never change; index.html always revalidates.
      res.header(
        'cache-control',
        filePath.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  return true;
}
