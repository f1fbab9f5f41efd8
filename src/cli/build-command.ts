/** `npm run build`: check, then build the site (with search, PDFs and Word copies) into dist/; exit 1 on errors, 2 on a bad option. */
import { resolve } from 'node:path';
import { dateOptionError, localDate } from '../model/calendar-date.ts';
import { BasePathError, basePathOption } from '../site/build/base-path.ts';
import { buildSite } from '../site/build/build-site.ts';
import { isAnswer, readOptions, writeResult, type CommandEnv } from './command.ts';

/** Help text of `npm run build -- --help`. */
export const buildUsage = `用法：npm run build -- [选项]
  --root <目录>       文件体系所在目录（默认本项目，其下有 content/）
  --out <目录>        网站输出目录（默认 dist/）
  --no-pdf            不生成 PDF 和 Word 受控副本
  --today YYYY-MM-DD  构建日期：按这一天判断在用版本和评审逾期（默认 SHOUKONG_TODAY 或今天）
  --base <路径>       网站发布的路径，如 /zlbz/（默认 SHOUKONG_BASE 或 /）
退出码：成功为 0；检查有错误或构建失败为 1；参数错误为 2。`;

/** Runs the build; progress goes to `env.err`, as the build log. */
export async function buildCommand(argv: string[], env: Pick<CommandEnv, 'cwd' | 'out' | 'err' | 'color' | 'environment'>): Promise<number> {
  const read = readOptions(argv, {
    root: { type: 'string' },
    out: { type: 'string' },
    'no-pdf': { type: 'boolean', default: false },
    today: { type: 'string' },
    base: { type: 'string' },
  }, buildUsage);
  if (isAnswer(read)) return writeResult(read, env);
  const { values } = read;
  let base: string;
  try {
    base = basePathOption(values.base, env.environment.SHOUKONG_BASE);
  } catch (error) {
    if (!(error instanceof BasePathError)) throw error;
    env.err(`${error.message}\n`);
    return 2;
  }
  for (const [name, value] of [['--today', values.today], ['SHOUKONG_TODAY', env.environment.SHOUKONG_TODAY]] as const) {
    const bad = value ? dateOptionError(name, value) : undefined;
    if (bad) {
      env.err(`${bad}\n`);
      return 2;
    }
  }
  if (base !== '/') env.err(`发布路径：${base}（网站中的链接都以 ${base} 开头）\n`);
  // One date for the whole build, decided here: --today, else the user's SHOUKONG_TODAY, else today.
  const today = values.today || env.environment.SHOUKONG_TODAY || localDate();
  const result = await buildSite({
    ...(values.root ? { contentRoot: resolve(env.cwd, values.root) } : {}),
    ...(values.out ? { outDir: resolve(env.cwd, values.out) } : {}),
    today,
    base,
    pdf: !values['no-pdf'],
    color: env.color ?? false,
    log: (line) => env.err(`${line}\n`),
  });
  return result.exitCode;
}
