/** `npm run check-records -- <文件夹>` / `shoukong check-records`: filled records checked against their template versions. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { checkFilledRecord } from '../check/filled-records.ts';
import { compareDiagnostics, countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { historyAtTop } from '../history/in-force-today.ts';
import type { RepositoryHistory } from '../history/document-history.ts';
import { templateLookup } from '../history/template-versions.ts';
import { loadDocumentSet } from '../model/load.ts';
import { isAnswer, readOptions, type CommandResult } from './command.ts';
import { formatReport, reportFormats, unknownFormatMessage } from './report-format.ts';

export const checkRecordsUsage = `用法：npm run check-records -- <文件夹或文件> … [选项]
  检查填好的质量记录（.json、.yaml、.yml；在线填写保存的文件或其他系统导出的数据）：
  按记录写明的记录编号和版本找到表单模板（旧版本从 Git 历史读取），报告缺少的必填项、
  不在选项中的值、无效日期，以及在新版本生效之后仍用旧版本表单填写的记录。
  --format pretty|json|github   输出格式（默认 pretty）
  --root <目录>                 文件体系所在目录（默认当前目录，其下有 content/）
退出码：有错误为 1，否则为 0；参数错误或找不到文件夹为 2。`;

const recordFile = /\.(json|ya?ml)$/i;

/** Every record file under the given paths, sorted. */
function recordFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    if (statSync(path).isFile()) out.push(path);
    else for (const f of readdirSync(path, { recursive: true })) if (recordFile.test(String(f)) && !String(f).split(sep).some((p) => p.startsWith('.'))) out.push(join(path, String(f)));
  }
  return [...new Set(out)].sort();
}

export function checkRecordsCommand(argv: string[], env: { cwd: string; color?: boolean }): CommandResult {
  const read = readOptions(argv, { format: { type: 'string', default: 'pretty' }, root: { type: 'string' } }, checkRecordsUsage, { positionals: true });
  if (isAnswer(read)) return read;
  const { values, positionals } = read;
  if (!(reportFormats as readonly string[]).includes(values.format)) return { exitCode: 2, stdout: '', stderr: unknownFormatMessage(values.format) };
  if (positionals.length === 0) return { exitCode: 2, stdout: '', stderr: `请给出记录所在的文件夹或文件\n${checkRecordsUsage}\n` };
  const paths = positionals.map((p) => resolve(env.cwd, p));
  const missing = paths.find((p) => {
    try {
      statSync(p);
      return false;
    } catch {
      return true;
    }
  });
  if (missing) return { exitCode: 2, stdout: '', stderr: `找不到 ${relative(env.cwd, missing) || missing}：请给出记录所在的文件夹或文件\n` };

  const root = values.root ? resolve(env.cwd, values.root) : env.cwd;
  const set = loadDocumentSet(root);
  let history: RepositoryHistory | undefined;
  const templates = templateLookup(set, () => (history ??= historyAtTop(root)));
  const files = recordFiles(paths);
  const shown = (file: string) => relative(env.cwd, file).split(sep).join('/');
  const diagnostics: Diagnostic[] = files.flatMap((file) => checkFilledRecord(shown(file), readFileSync(file, 'utf8'), templates)).sort(compareDiagnostics);
  // A related place (the template) is relative to the root; shown relative to where the command runs.
  for (const d of diagnostics) if (d.related) d.related.file = shown(join(root, d.related.file));

  const { errors } = countBySeverity(diagnostics);
  const stdout = formatReport(diagnostics, values.format, { sourceRoot: env.cwd, color: env.color ?? false }, (findings) => [`检查了 ${files.length} 份填好的记录`, '', findings].join('\n'));
  return { exitCode: errors > 0 ? 1 : 0, stdout: `${stdout}\n`, stderr: '' };
}
