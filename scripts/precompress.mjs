// Writes a brotli (.br) and a gzip (.gz) copy beside every text asset of a built web app, once at
// build time, at the highest levels (too slow per request, free here). The server sends the copy
// the browser accepts (@fastify/static `preCompressed`). Copies that would not be smaller than
// the file by a useful margin are not written; the server then sends the file itself.
//   node scripts/precompress.mjs apps/web/dist
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const TEXT = /\.(js|mjs|css|html|svg|json|txt|xml|map|wasm)$/;
const MIN_BYTES = 1024;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const encoders = {
  br: (data) =>
    brotli(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  gz: (data) => gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
};

/** Compresses the text files under `dir`; returns the bytes before and after, per encoding. */
export async function precompress(dir) {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && TEXT.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
  const sizes = { identity: 0, br: 0, gz: 0 };
  await Promise.all(
    files.map(async (file) => {
      const data = await readFile(file);
      sizes.identity += data.length;
      for (const [extension, encode] of Object.entries(encoders)) {
        const compressed = data.length < MIN_BYTES ? data : await encode(data);
        if (compressed.length < data.length * 0.9) await writeFile(`${file}.${extension}`, compressed);
        sizes[extension] += Math.min(compressed.length, data.length);
      }
    }),
  );
  return sizes;
}

if (process.argv[1] === import.meta.filename) {
  const dir = path.resolve(process.argv[2] ?? '.');
  const sizes = await precompress(dir);
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} kB`;
  console.log(
    `precompressed ${path.relative(process.cwd(), dir) || '.'}: ${kb(sizes.identity)} → brotli ${kb(sizes.br)}, gzip ${kb(sizes.gz)}`,
  );
}
