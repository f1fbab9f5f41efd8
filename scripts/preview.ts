#!/usr/bin/env node
/** npm run preview: serves dist/ on http://127.0.0.1:4321 (PORT to change), under the base path it was built for. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { baseOfBuiltSite, serveStatic } from '../src/site/build/static-server.ts';

const dir = join(process.cwd(), 'dist');
if (!existsSync(dir)) {
  process.stderr.write('没有 dist/：请先运行 npm run build\n');
  process.exit(1);
}
// A site built with --base /zlbz/ only works under /zlbz/: serve it there.
const base = baseOfBuiltSite(dir);
const { url } = await serveStatic(dir, Number(process.env.PORT ?? 4321), base);
process.stdout.write(`预览：${url}${base}  （Ctrl+C 退出）\n`);
