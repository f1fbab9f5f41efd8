/** `npm run dev`: the site with live preview (Astro dev server); a saved content file updates its page and its check findings. */
import { resolve } from 'node:path';
import { projectRoot } from '../site/build/build-site.ts';
import { startDevServer } from '../site/dev/dev-server.ts';
import { isAnswer, readOptions, writeResult, type CommandEnv } from './command.ts';

/** Help text of `npm run dev -- --help`. */
export const devUsage = `用法：npm run dev -- [选项]
  --root <目录>   文件体系所在目录（默认本项目，其下有 content/）
  --port <端口>   监听的端口（默认 4321）
  --host <地址>   监听的地址（默认只在本机）
保存 content/ 下的文件后，页面和检查结果随即更新。按 Ctrl+C 退出。`;

/** Starts the dev server (undefined: it runs until stopped), or exit code 2 on a bad option. */
export async function devCommand(argv: string[], env: Pick<CommandEnv, 'cwd' | 'out' | 'err'>): Promise<number | undefined> {
  const read = readOptions(argv, { root: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } }, devUsage);
  if (isAnswer(read)) return writeResult(read, env);
  const { values } = read;
  const port = values.port ? Number(values.port) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    env.err(`--port ${values.port} 不是有效的端口号：请给 1–65535 之间的整数，例如 --port 4321\n`);
    return 2;
  }
  await startDevServer({ contentRoot: values.root ? resolve(env.cwd, values.root) : projectRoot, ...(port ? { port } : {}), ...(values.host ? { host: values.host } : {}) });
  return undefined;
}
