/** A finding of the check: data only; formatters decide how it looks. */
import type { Span } from '../model/position.ts';

export type Severity = 'error' | 'warning';

/** A second place that explains the first, e.g. “first defined here”. */
export interface RelatedPlace {
  file: string;
  span: Span;
  message: string;
}

export interface Diagnostic {
  /** Path relative to the project root, forward slashes. */
  file: string;
  span: Span;
  severity: Severity;
  /** What is wrong and how to fix it, in Chinese, quoting the offending value. */
  message: string;
  /** Stable rule id, e.g. `ref/unknown-target`. */
  ruleId: string;
  related?: RelatedPlace;
}

/** Orders diagnostics by file, then line, then column, then rule id: the order compilers print. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.span.start.line - b.span.start.line ||
    a.span.start.column - b.span.start.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}
