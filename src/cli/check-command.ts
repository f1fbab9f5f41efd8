/** `shoukong check`: argv in, report and exit code out. Kept apart from process I/O so that tests can run it. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BaseRefError, prepareCheck, type PreparedCheck } from '../check/prepare-check.ts';
import { runCheck } from '../check/run-check.ts';
import { buildGraph } from '../graph/build-graph.ts';
import { countBySeverity } from '../diagnostics/diagnostic.ts';
import { dateOptionError } from '../model/calendar-date.ts';
import { changeSummary } from '../history/change-summary.ts';
import { checkReport } from './check-report.ts';
import { isAnswer, readOptions, type CommandResult } from './command.ts';
import { reportFormats, unknownFormatMessage } from './report-format.ts';

/** Help text of `npm run check -- --help`. */
export const checkUsage = `用法：npm run check -- [选项]
  --format pretty|json|github   输出格式（默认 pretty；github 为 GitHub Actions 注释）
  --root <目录>                 文件体系所在目录（默认当前目录，其下有 content/）
  --today YYYY-MM-DD            按这一天判断定期评审是否逾期（默认今天）
  --coverage                    列出每个要求框架的条款覆盖情况
  --no-cache                    不使用也不写入解析缓存
  --base <Git 引用>             变更控制：与该提交（如 origin/main）比较，检查升版、修订记录、状态变化、删除和改号
  --summary <文件>              与 --base 同用：把合并请求的变更摘要（Markdown）写入该文件
  --pack-link <网址>            与 --summary 同用：在摘要中链接审批材料（npm run pack 生成的 CI 制品）
  --no-history                  不读取 Git 历史（不检查待复核引用）
  --no-flowcharts               不用 mermaid 解析流程图（不检查流程图语法）
退出码：有错误为 1，否则为 0；参数错误为 2。`;

export function checkCommand(argv: string[], env: { cwd: string; color?: boolean }): CommandResult {
  const read = readOptions(argv, {
    format: { type: 'string', default: 'pretty' },
    root: { type: 'string' },
    today: { type: 'string' },
    coverage: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
    base: { type: 'string' },
    summary: { type: 'string' },
    'pack-link': { type: 'string' },
    'no-history': { type: 'boolean', default: false },
    'no-flowcharts': { type: 'boolean', default: false },
  }, checkUsage);
  if (isAnswer(read)) return read;
  const { values } = read;
  if (!(reportFormats as readonly string[]).includes(values.format)) return { exitCode: 2, stdout: '', stderr: unknownFormatMessage(values.format) };
  const badToday = values.today === undefined ? undefined : dateOptionError('--today', values.today);
  if (badToday) return { exitCode: 2, stdout: '', stderr: `${badToday}\n` };
  if (values.summary !== undefined && values.base === undefined) {
    return { exitCode: 2, stdout: '', stderr: '--summary 需要与 --base 一起使用\n' };
  }
  const root = values.root ? resolve(env.cwd, values.root) : env.cwd;
  let prepared: PreparedCheck;
  try {
    prepared = prepareCheck(root, {
      history: !values['no-history'],
      flowcharts: !values['no-flowcharts'],
      cache: !values['no-cache'],
      ...(values.base !== undefined ? { base: values.base } : {}),
      ...(values.today ? { today: values.today } : {}),
    });
  } catch (error) {
    if (error instanceof BaseRefError) return { exitCode: 2, stdout: '', stderr: `${error.message}\n` };
    throw error;
  }
  const { set, changes } = prepared;
  const diagnostics = runCheck(set, prepared.options);
  if (changes && values.summary) {
    writeFileSync(resolve(env.cwd, values.summary), changeSummary(changes, buildGraph(set), countBySeverity(diagnostics), values['pack-link']));
  }
  const { errors } = countBySeverity(diagnostics);
  const stdout = checkReport(set, diagnostics, { format: values.format, color: env.color ?? false, coverage: values.coverage });
  return { exitCode: errors > 0 ? 1 : 0, stdout, stderr: prepared.warning ? `${prepared.warning}\n` : '' };
}
