/** /admin/decap-cms.js and its chunks: the editor's bundle served from our own site (copied from node_modules), never a CDN. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { APIContext } from 'astro';

const dist = join(dirname(createRequire(import.meta.url).resolve('decap-cms/package.json')), 'dist');

export function getStaticPaths(): { params: { asset: string } }[] {
  return readdirSync(dist)
    .filter((f) => /^(\d+\.)?decap-cms\.js$/.test(f))
    .map((f) => ({ params: { asset: f.slice(0, -'.js'.length) } }));
}

export function GET({ params }: APIContext): Response {
  const asset = `${String(params.asset)}.js`;
  if (!/^(\d+\.)?decap-cms\.js$/.test(asset)) return new Response('not found', { status: 404 });
  return new Response(readFileSync(join(dist, asset)), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
}
