/** `npm run import -- <文件夹或 .docx 文件…>`: Word files in, draft documents out, then the check on them. */
import { isAnswer, readOptions, writeResult } from './command.ts';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { prepareCheck } from '../check/prepare-check.ts';
import { runCheck } from '../check/run-check.ts';
import { countBySeverity } from '../diagnostics/diagnostic.ts';
import { formatPretty } from '../diagnostics/format-pretty.ts';
import { typeLabels } from '../model/document-types.ts';
import { loadDocumentSet } from '../model/load.ts';
import { collectSources, importDocuments } from '../import/import-documents.ts';

/** Help text of `npm run import -- --help`. */
export const importUsage = `用法：npm run import -- [选项] <文件夹或 .docx 文件…>
  --root <目录>     文件体系所在目录（默认当前目录，其下有 content/）
  --force           覆盖已存在的同名文件（默认不覆盖，跳过并报错）
  --dry-run         只显示会写出什么，不写任何文件
每个 Word 文件成为对应类型目录下的一个草稿（status: draft），图片放在它旁边；导入后立即检查导入的文件。
退出码：全部导入为 0；有文件无法导入（旧版 .doc、加密、损坏、不是 Word、已存在）为 1；参数错误为 2。`;

/** Runs the command; output goes through the given writers so tests can capture it. */
export async function importCommand(argv: string[], env: { cwd: string; out: (text: string) => void; err: (text: string) => void; today?: string }): Promise<number> {
  const read = readOptions(argv, { root: { type: 'string' }, force: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false } }, importUsage, { positionals: true });
  if (isAnswer(read)) return writeResult(read, env);
  const { values, positionals } = read;
  if (positionals.length === 0) {
    env.err(`请给出要导入的文件夹或 .docx 文件\n${importUsage}\n`);
    return 2;
  }
  const root = resolve(env.cwd, values.root ?? '.');
  const missing = positionals.filter((p) => !exists(resolve(env.cwd, p)));
  if (missing.length > 0) {
    env.err(`找不到：${missing.join('、')}\n`);
    return 2;
  }
  const sources = collectSources(positionals, env.cwd, (dir) => readdirSync(dir, { recursive: true }).map(String), (p) => statSync(p).isDirectory());
  const set = loadDocumentSet(root);
  let result;
  try {
    result = await importDocuments(root, set, sources, { force: values.force, dryRun: values['dry-run'] });
  } catch (error) {
    env.err(`${(error as Error).message}\n`);
    return 1;
  }

  const lines: string[] = [`导入 ${sources.length} 个文件${values['dry-run'] ? '（试运行，不写文件）' : ''}：`];
  for (const o of result.outcomes) {
    if (o.ok) lines.push(`  ✔ ${o.source} → ${o.path}（${typeLabels[o.type]} ${o.number ?? '未编号'} ${o.title ?? ''}，草稿${o.images.length ? `，${o.images.length} 张图片` : ''}）`);
    else lines.push(`  ✖ ${o.source}：${o.error}`);
  }
  const written = result.outcomes.filter((o) => o.ok);
  const failed = result.outcomes.length - written.length;
  const readSource = (file: string) => {
    try {
      return readFileSync(join(root, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  if (result.diagnostics.length > 0) lines.push('', '导入时未能照原样转换的内容：', '', formatPretty(result.diagnostics, { readSource }).trimEnd());

  // The check, in-process, on the set with the new files; only what concerns them is shown.
  if (written.length > 0 && !values['dry-run']) {
    const paths = new Set(written.map((o) => o.path));
    const prepared = prepareCheck(root, { history: false, flowcharts: false, ...(env.today ? { today: env.today } : {}) });
    const findings = runCheck(prepared.set, prepared.options).filter((d) => paths.has(d.file));
    const { errors, warnings } = countBySeverity(findings);
    lines.push('', `导入后的检查（npm run check，只列出导入的 ${written.length} 份文件）：`, '');
    lines.push(findings.length ? formatPretty(findings, { readSource }).trimEnd() : '没有发现问题');
    if (findings.length) lines.push('', `这些草稿还有 ${errors} 个错误、${warnings} 个警告：按上面的提示补全后再提交审批。`);
  }
  lines.push('', `导入完成：写出 ${written.length} 份草稿${failed ? `，${failed} 个文件未导入（见上面的 ✖）` : ''}。`);
  env.out(`${lines.join('\n')}\n`);
  return failed > 0 ? 1 : 0;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
