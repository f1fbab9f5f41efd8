#!/usr/bin/env node
/** npm run preview: serves dist/ on http://127.0.0.1:4321 (PORT to change). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '../src/site/static-server.ts';

const dir = join(process.cwd(), 'dist');
if (!existsSync(dir)) {
  process.stderr.write('没有 dist/：请先运行 npm run build\n');
  process.exit(1);
}
const { url } = await serveStatic(dir, Number(process.env.PORT ?? 4321));
process.stdout.write(`预览：${url}/  （Ctrl+C 退出）\n`);
