/** `npm run pdf`: check the document set, stop on errors, then print every PDF into dist/pdf. */
import { isAnswer, readOptions, writeResult } from './command.ts';
import { dateOptionError } from '../model/calendar-date.ts';
import { resolve } from 'node:path';
import { BrowserNotFoundError, browserHelp } from '../browser/find-browser.ts';
import { checkBeforeOutput } from './check-report.ts';
import { buildPdfs } from '../print/build-pdfs.ts';

/** Help text of `npm run pdf -- --help`. */
export const pdfUsage = `用法：npm run pdf -- [选项]
  --root <目录>     文件体系所在目录（默认当前目录，其下有 content/）
  --out <目录>      PDF 输出目录（默认 <root>/dist/pdf）
  --no-cache        不使用也不写入 PDF 缓存（.cache/shoukong/pdf）
  --today YYYY-MM-DD  按这一天判断在用版本（默认今天）：只有当天已生效的版本加盖“受控”，
                    已批准但未到生效日期的修订要到那一天才替换现行版本
输出：每份文件一个 PDF，forms/ 下为质量记录的空白表单，full-manual.pdf 为体系文件汇编。
退出码：成功为 0；检查有错误、找不到浏览器或打印失败为 1；参数错误为 2。`;

/** Runs the command; output goes through the given writers so tests can capture it. */
export async function pdfCommand(argv: string[], env: { cwd: string; out: (text: string) => void; err: (text: string) => void }): Promise<number> {
  const read = readOptions(argv, { root: { type: 'string' }, out: { type: 'string' }, today: { type: 'string' }, 'no-cache': { type: 'boolean', default: false } }, pdfUsage);
  if (isAnswer(read)) return writeResult(read, env);
  const { values } = read;
  const badToday = values.today === undefined ? undefined : dateOptionError('--today', values.today);
  if (badToday) {
    env.err(`${badToday}\n`);
    return 2;
  }
  const root = resolve(env.cwd, values.root ?? '.');
  const outDir = values.out ? resolve(env.cwd, values.out) : resolve(root, 'dist/pdf');

  // The check npm run check runs (with Git history and mermaid's parse of the flowcharts), its report printed the same way.
  const prepared = checkBeforeOutput(root, values.today ? { today: values.today } : {}, env.err, '未生成 PDF');
  if (!prepared) return 1;
  try {
    await buildPdfs({ root, set: prepared.set, outDir, log: (line) => env.err(`${line}\n`), ...(values['no-cache'] ? { cache: false } : {}), ...(values.today ? { today: values.today } : {}) });
    return 0;
  } catch (error) {
    if (error instanceof BrowserNotFoundError) {
      env.err(`${error.message === browserHelp ? browserHelp : `${error.message}\n\n${browserHelp}`}\n`);
      return 1;
    }
    env.err(`生成 PDF 失败：${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
