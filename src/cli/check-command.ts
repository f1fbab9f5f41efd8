/** `shoukong check`: argv in, report and exit code out. Kept apart from process I/O so that tests can run it. */
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { flowchartSyntaxErrors } from '../check/flowchart-syntax.ts';
import { runCheck } from '../check/run-check.ts';
import { buildGraph } from '../graph/build-graph.ts';
import { countBySeverity } from '../diagnostics/diagnostic.ts';
import { dateOptionError } from '../model/calendar-date.ts';
import { coverageOf } from '../model/coverage.ts';
import { loadDocumentSet, openParseCache, readSourceFile, type DocumentSet } from '../model/load.ts';
import { parserVersion } from '../model/parser-version.ts';
import { compareWithBase, readBaseApprovals, readBaseDocuments, type ChangeSet } from '../history/change-set.ts';
import { changeSummary } from '../history/change-summary.ts';
import { readRepositoryHistory, type RepositoryHistory } from '../history/document-history.ts';
import { gitRunner, repositoryState, type GitRunner } from '../history/git.ts';
import { formatReport, reportFormats, unknownFormatMessage } from './report-format.ts';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

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
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
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
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    return { exitCode: 2, stdout: '', stderr: `${(error as Error).message}\n${checkUsage}\n` };
  }
  if (values.help) return { exitCode: 0, stdout: `${checkUsage}\n`, stderr: '' };
  if (!(reportFormats as readonly string[]).includes(values.format)) return { exitCode: 2, stdout: '', stderr: unknownFormatMessage(values.format) };
  const badToday = values.today === undefined ? undefined : dateOptionError('--today', values.today);
  if (badToday) return { exitCode: 2, stdout: '', stderr: `${badToday}\n` };
  if (values.summary !== undefined && values.base === undefined) {
    return { exitCode: 2, stdout: '', stderr: '--summary 需要与 --base 一起使用\n' };
  }
  const root = values.root ? resolve(env.cwd, values.root) : env.cwd;
  const opened = values['no-cache'] ? {} : openParseCache(root, parserVersion());
  const cache = opened.cache;
  const warnings = opened.warning ? `${opened.warning}\n` : '';
  const set = loadDocumentSet(root, cache ? { cache } : {});
  const git = gitRunner(root);
  const history = values['no-history'] ? undefined : historyAtTopLevel(root, git);
  let changes: ChangeSet | undefined;
  if (values.base !== undefined) {
    try {
      git.run(['rev-parse', '--verify', '--quiet', `${values.base}^{commit}`]);
      changes = compareWithBase(set, readBaseDocuments(git, values.base), values.base, readBaseApprovals(git, values.base));
    } catch {
      return { exitCode: 2, stdout: '', stderr: `找不到 Git 提交 "${values.base}"：请确认引用名（如 origin/main），并用完整历史克隆（CI 中设置 fetch-depth: 0）\n` };
    }
  }
  const flowchartErrors = values['no-flowcharts']
    ? undefined
    : flowchartSyntaxErrors(
        set.documents.flatMap((d) => d.file.body.mermaid.map((b) => b.code)),
        opened.dir ? join(opened.dir, 'mermaid-parse') : undefined,
      );
  const diagnostics = runCheck(set, {
    ...(values.today ? { today: values.today } : {}),
    ...(history ? { history } : {}),
    ...(changes ? { changes } : {}),
    ...(flowchartErrors ? { flowchartErrors } : {}),
  });
  cache?.save();
  if (changes && values.summary) {
    writeFileSync(resolve(env.cwd, values.summary), changeSummary(changes, buildGraph(set), countBySeverity(diagnostics), values['pack-link']));
  }

  const { errors } = countBySeverity(diagnostics);
  const stdout = formatReport(diagnostics, values.format, { sourceRoot: root, color: env.color ?? false }, (findings) =>
    [`检查了 ${set.documents.length} 份受控文件`, '', findings, coverageSummary(set), values.coverage ? coverageReport(set) : '']
      .filter((s, i) => s !== '' || i === 1)
      .join('\n'),
  );
  return { exitCode: errors > 0 ? 1 : 0, stdout: `${stdout}\n`, stderr: warnings };
}

/** History is read only when the document set is the top of its own Git work tree (not a fixture inside another repository). */
function historyAtTopLevel(root: string, git: GitRunner): RepositoryHistory | undefined {
  const state = repositoryState(git);
  if (!state.isRepository || !state.topLevel || realpathSync(state.topLevel) !== realpathSync(root)) return undefined;
  return readRepositoryHistory(root, git, state);
}

function coverageSummary(set: DocumentSet): string {
  const parts = set.frameworks.flatMap((file) => {
    if (!file.data) return [];
    const entries = [...coverageOf(file.data, set.documents).values()].filter((e) => e.leaf);
    return [`${file.data.name} ${entries.filter((e) => e.covered).length}/${entries.length}`];
  });
  return parts.length ? `要求覆盖（已覆盖/条款数）：${parts.join('；')}` : '';
}

function coverageReport(set: DocumentSet): string {
  const out: string[] = [''];
  for (const file of set.frameworks) {
    if (!file.data) continue;
    out.push(`${file.data.name}`);
    const coverage = coverageOf(file.data, set.documents);
    for (const entry of coverage.values()) {
      // Indent by the clauses above it in this framework, not by the dots in its id.
      let depth = 0;
      for (let parent = entry.parent; parent; parent = coverage.get(parent)?.parent) depth++;
      const by = entry.documents.map((d) => d.data.number).join(' ');
      out.push(`  ${'  '.repeat(depth)}${entry.covered ? '✔' : '✖'} ${entry.id} ${entry.title}${by ? `  ← ${by}` : entry.covered ? '  （由上级条款或全部下级条款覆盖）' : '  未覆盖'}`);
    }
    out.push('');
  }
  return out.join('\n');
}
