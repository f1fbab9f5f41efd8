/** `npm run preview`: serves dist/ on http://127.0.0.1:4321 (PORT to change), under the base path it was built for. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { baseOfBuiltSite, serveStatic } from '../site/build/static-server.ts';
import type { CommandEnv } from './command.ts';

/** Help text of `npm run preview -- --help`. */
export const previewUsage = `用法：npm run preview
  在 http://127.0.0.1:4321 预览 dist/（端口用环境变量 PORT 更改），按构建时的发布路径（--base）提供。按 Ctrl+C 退出。`;

/** Starts serving (undefined: it runs until stopped), or exit code 1 when there is no dist/ yet. */
export async function previewCommand(argv: string[], env: Pick<CommandEnv, 'cwd' | 'out' | 'err' | 'environment'>): Promise<number | undefined> {
  if (argv.length > 0) {
    env.err(`${previewUsage}\n`);
    return argv.every((a) => a === '--help' || a === '-h') ? 0 : 2;
  }
  const dir = join(env.cwd, 'dist');
  if (!existsSync(dir)) {
    env.err('没有 dist/：请先运行 npm run build\n');
    return 1;
  }
  // A site built with --base /zlbz/ only works under /zlbz/: serve it there.
  const base = baseOfBuiltSite(dir);
  const { url } = await serveStatic(dir, Number(env.environment.PORT ?? 4321), base);
  env.out(`预览：${url}${base}  （Ctrl+C 退出）\n`);
  return undefined;
}
