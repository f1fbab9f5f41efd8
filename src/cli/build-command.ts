/** `npm run build`: check, then build the site (with search, PDFs and Word copies) into dist/; exit 1 on errors, 2 on a bad option. */
import { join, resolve } from 'node:path';
import { watchChanges } from '../fs/watch-changes.ts';
import { dateOptionError, localDate } from '../model/calendar-date.ts';
import { BasePathError, basePathOption } from '../site/build/base-path.ts';
import { buildSite, clearReplacedSite, projectRoot } from '../site/build/build-site.ts';
import { isAnswer, readOptions, writeResult, type CommandEnv } from './command.ts';

/** Help text of `npm run build -- --help`. */
export const buildUsage = `用法：npm run build -- [选项]
  --root <目录>       文件体系所在目录（默认本项目，其下有 content/）
  --out <目录>        网站输出目录（默认 dist/）
  --no-pdf            不生成 PDF 和 Word 受控副本
  --today YYYY-MM-DD  构建日期：按这一天判断在用版本和评审逾期（默认 SHOUKONG_TODAY 或今天）
  --base <路径>       网站发布的路径，如 /zlbz/（默认 SHOUKONG_BASE 或 /）
  --watch             保存即构建：构建一次后不退出，content/ 下的文件保存、或有新的提交时重新构建
                      （只重新生成改动影响到的页面、搜索索引和 PDF）；按 Ctrl+C 退出
退出码：成功为 0；检查有错误或构建失败为 1；参数错误为 2。`;

/** Runs the build; progress goes to `env.err`, as the build log. With --watch it keeps building until stopped (undefined). */
export async function buildCommand(argv: string[], env: Pick<CommandEnv, 'cwd' | 'out' | 'err' | 'color' | 'environment'>): Promise<number | undefined> {
  const read = readOptions(argv, {
    root: { type: 'string' },
    out: { type: 'string' },
    'no-pdf': { type: 'boolean', default: false },
    today: { type: 'string' },
    base: { type: 'string' },
    watch: { type: 'boolean', default: false },
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
  const contentRoot = values.root ? resolve(env.cwd, values.root) : undefined;
  const outDir = values.out ? resolve(env.cwd, values.out) : join(projectRoot, 'dist');
  const build = () =>
    buildSite({
      ...(contentRoot ? { contentRoot } : {}),
      outDir,
      // One date for each whole build, decided here: --today, else the user's SHOUKONG_TODAY, else
      // today (again at each rebuild: a watch left running overnight builds with the new day).
      today: values.today || env.environment.SHOUKONG_TODAY || localDate(),
      base,
      pdf: !values['no-pdf'],
      color: env.color ?? false,
      log: (line) => env.err(`${line}\n`),
    });
  const result = await build();
  if (!values.watch) return result.exitCode;
  watchBuild(contentRoot ?? projectRoot, outDir, build, env.err);
  return undefined;
}

/**
 * Builds again after every save under content/ and every new commit (the history pages show
 * commits), in this one process: what a build compiled stays compiled, so a rebuild takes a fraction
 * of a first build. The site a build replaced (`outDir`.previous) is removed while the watch waits,
 * not by the next build, which the author waits for. Returns a function that stops watching.
 */
export function watchBuild(root: string, outDir: string, build: () => Promise<unknown>, write: (text: string) => void): () => void {
  const waiting = () => {
    void clearReplacedSite(outDir);
    write('保存即构建：等待 content/ 下的改动或新的提交（Ctrl+C 退出）…\n');
  };
  waiting();
  return watchChanges([join(root, 'content'), join(root, '.git/refs'), join(root, '.git/HEAD')], async () => {
    write('保存即构建：有改动，重新构建…\n');
    try {
      await build();
    } catch (error) {
      // The build reports its own failures; anything else must not end the watching either.
      write(`保存即构建：构建出错，dist/ 未改动：${(error as Error).stack ?? String(error)}\n`);
    }
    waiting();
  });
}
