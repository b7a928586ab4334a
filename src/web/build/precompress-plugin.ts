/**
 * @module Vite plugin that writes a brotli (`.br`) and a gzip (`.gz`) copy of every text file of the build, at their
 * strongest settings, once; the server (core/http/static-web.ts) sends the copy the browser accepts, so nothing is
 * compressed again per request.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text the server sends as is (source maps are for developers, compressed on the fly when asked). */
const TEXT = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;
/** Below this, a compressed copy saves less than a packet. */
const MIN_BYTES = 1024;
const LARGE_BYTES = 256 * 1024;

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'maille:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = [...Object.keys(bundle), 'index.html'].filter((name, i, all) => TEXT.test(name) && all.indexOf(name) === i);
      for (const name of files) {
        const file = path.join(outDir, name);
        const body = await readFile(file).catch(() => null);
        if (!body || body.length < MIN_BYTES) continue;
        // Quality 11 costs seconds on MapLibre's megabyte for a few percent: 9 above LARGE_BYTES keeps builds quick.
        const quality = body.length > LARGE_BYTES ? 9 : 11;
        const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
        await writeFile(`${file}.br`, br);
        await writeFile(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}
