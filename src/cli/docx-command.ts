/** `npm run export:docx`: check the document set, stop on errors, then write the Word copy of every current document. */
import { isAnswer, readOptions, writeResult } from './command.ts';
import { resolve } from 'node:path';
import { BrowserNotFoundError, browserHelp } from '../browser/find-browser.ts';
import { checkBeforeOutput } from './check-report.ts';
import { buildToday, inForceTodayOf } from '../history/in-force-today.ts';
import { buildDocx, docxDocuments } from '../print/build-docx.ts';

/** Help text of `npm run export:docx -- --help`. */
export const docxUsage = `用法：npm run export:docx -- [选项]
  --root <目录>     文件体系所在目录（默认当前目录，其下有 content/）
  --out <目录>      输出目录（默认 <root>/dist/docx）
  --only <编号>     只导出这份文件（可写多次）
  --no-cache        不使用也不写入缓存（.cache/shoukong/docx）
输出：每份现行文件一个 Word 受控副本（.docx），内容与 PDF 相同；流程图需要浏览器转为图片。
退出码：成功为 0；检查有错误、找不到编号或生成失败为 1；参数错误为 2。`;

/** Runs the command; output goes through the given writers so tests can capture it. */
export async function docxCommand(argv: string[], env: { cwd: string; out: (text: string) => void; err: (text: string) => void }): Promise<number> {
  const read = readOptions(argv, {
    root: { type: 'string' },
    out: { type: 'string' },
    only: { type: 'string', multiple: true },
    'no-cache': { type: 'boolean', default: false },
  }, docxUsage);
  if (isAnswer(read)) return writeResult(read, env);
  const { values } = read;
  const root = resolve(env.cwd, values.root ?? '.');
  const outDir = values.out ? resolve(env.cwd, values.out) : resolve(root, 'dist/docx');
  // The check npm run check runs (without Git history: the Word copies do not depend on it), its report printed the same way.
  const prepared = checkBeforeOutput(root, { history: false }, env.err, '未生成 Word 版');
  if (!prepared) return 1;
  const set = prepared.set;
  const current = new Set(docxDocuments(inForceTodayOf(set, buildToday())).map((d) => d.data.number));
  const unknown = (values.only ?? []).filter((n) => !current.has(n));
  if (unknown.length > 0) {
    env.err(`没有编号为 ${unknown.join('、')} 的现行文件：只有现行文件有 Word 受控副本\n`);
    return 1;
  }
  try {
    await buildDocx({ root, set, outDir, log: (line) => env.err(`${line}\n`), ...(values.only ? { only: values.only } : {}), ...(values['no-cache'] ? { cache: false } : {}) });
    return 0;
  } catch (error) {
    if (error instanceof BrowserNotFoundError) {
      env.err(`${error.message === browserHelp ? browserHelp : `${error.message}\n\n${browserHelp}`}\n`);
      return 1;
    }
    env.err(`生成 Word 版失败：${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
