/** Machine-readable output: one object per diagnostic, positions 1-based. */
import type { Diagnostic } from './diagnostic.ts';

/** One diagnostic as `--format json` writes it (what CI scripts and the tests read back). */
export type JsonFinding = ReturnType<typeof jsonFinding>;

function jsonFinding(d: Diagnostic) {
  return {
    file: d.file,
    line: d.span.start.line,
    column: d.span.start.column,
    endLine: d.span.end.line,
    endColumn: d.span.end.column,
    severity: d.severity,
    ruleId: d.ruleId,
    message: d.message,
    ...(d.related ? { related: { file: d.related.file, line: d.related.span.start.line, column: d.related.span.start.column, message: d.related.message } } : {}),
  };
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnostics.map(jsonFinding), null, 2);
}
