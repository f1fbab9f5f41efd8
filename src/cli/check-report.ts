/**
 * What `npm run check` prints for a set's findings: the count of documents checked, the findings, the
 * coverage summary (and, with --coverage, the clause-by-clause list). pdf, export:docx and check-watch
 * print the very same report when they stop on errors.
 */
import { prepareCheck, type PrepareCheckOptions, type PreparedCheck } from '../check/prepare-check.ts';
import { runCheck } from '../check/run-check.ts';
import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { coverageOf } from '../model/coverage.ts';
import type { DocumentSet } from '../model/load.ts';
import { formatReport } from './report-format.ts';

/** How to print: --format, colours, and whether to list every clause's coverage. */
export interface CheckReportOptions {
  format?: string;
  color?: boolean;
  coverage?: boolean;
}

/** The report text, ending with a newline; source lines are quoted from the set's root. */
export function checkReport(set: DocumentSet, diagnostics: readonly Diagnostic[], options: CheckReportOptions = {}): string {
  const text = formatReport(diagnostics, options.format ?? 'pretty', { sourceRoot: set.root, color: options.color ?? false }, (findings) =>
    [`检查了 ${set.documents.length} 份受控文件`, '', findings, coverageSummary(set), options.coverage ? coverageReport(set) : '']
      .filter((s, i) => s !== '' || i === 1)
      .join('\n'),
  );
  return `${text}\n`;
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

/**
 * The check an output command (pdf, export:docx) runs first: the set and its findings, or undefined
 * after printing npm run check's report and `stopped` (未生成 PDF …) when there are errors.
 */
export function checkBeforeOutput(root: string, options: PrepareCheckOptions, err: (text: string) => void, stopped: string): PreparedCheck | undefined {
  const prepared = prepareCheck(root, options);
  const diagnostics = runCheck(prepared.set, prepared.options);
  if (countBySeverity(diagnostics).errors === 0) return prepared;
  err(checkReport(prepared.set, diagnostics) + (prepared.warning ? `${prepared.warning}\n` : ''));
  err(`检查发现错误，${stopped}。请先修正上面的错误（npm run check）。\n`);
  return undefined;
}
