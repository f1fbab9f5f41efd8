/** Compiler-style rendering: location, severity, message, rule id, the source line with a caret, related place, count. */
import { countBySeverity, type Diagnostic } from './diagnostic.ts';
import { displayWidth } from './display-width.ts';

export interface PrettyOptions {
  /** Returns a file's text, to quote the offending line; undefined skips the quote. */
  readSource?: (file: string) => string | undefined;
  color?: boolean;
}

/** Longest stretch of a source line that is quoted, in characters. */
const maxShown = 120;

export function formatPretty(diagnostics: readonly Diagnostic[], options: PrettyOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines = new Map<string, string[] | undefined>();
  const sourceLines = (file: string) => {
    if (!lines.has(file)) lines.set(file, options.readSource?.(file)?.replace(/^\uFEFF/, '').split(/\r?\n/));
    return lines.get(file);
  };
  const out: string[] = [];
  for (const d of diagnostics) {
    const { line, column } = d.span.start;
    const severity = d.severity === 'error' ? paint('31', 'error') : paint('33', 'warning');
    out.push(`${paint('1', `${d.file}:${line}:${column}`)}  ${severity}  ${d.message}  ${paint('2', d.ruleId)}`);
    const text = sourceLines(d.file)?.[line - 1];
    if (text !== undefined) {
      const gutter = String(line).length;
      // A long line (Chinese paragraphs often are) is shown as a window around the column, so the caret stays under it.
      const from = text.length > maxShown ? Math.max(0, Math.min(column - 1 - 40, text.length - maxShown)) : 0;
      const to = Math.min(text.length, from + maxShown);
      const lead = from > 0 ? '…' : '';
      const shown = printable(`${lead}${text.slice(from, to)}${to < text.length ? '…' : ''}`);
      const endColumn = d.span.end.line === line ? d.span.end.column : text.length + 1;
      const before = displayWidth(lead + text.slice(from, Math.max(from, column - 1)));
      const underline = Math.max(1, displayWidth(text.slice(column - 1, Math.min(to + 1, Math.max(column, endColumn)) - 1)));
      out.push(`  ${paint('2', `${line} │`)} ${shown}`);
      out.push(`  ${' '.repeat(gutter)} ${paint('2', '│')} ${' '.repeat(before)}${paint(d.severity === 'error' ? '31' : '33', '^'.repeat(Math.min(underline, 120)))}`);
    }
    if (d.related) {
      out.push(`  ${paint('36', 'i')} ${d.related.message}：${d.related.file}:${d.related.span.start.line}:${d.related.span.start.column}`);
    }
    out.push('');
  }
  out.push(summaryLine(diagnostics, paint));
  return out.join('\n');
}

export function summaryLine(diagnostics: readonly Diagnostic[], paint: (code: string, text: string) => string = (_c, t) => t): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  if (errors === 0 && warnings === 0) return paint('32', '✔ 没有发现问题');
  return `${paint(errors ? '31' : '32', `✖ ${errors} 个错误`)}，${paint(warnings ? '33' : '32', `⚠ ${warnings} 个警告`)}`;
}

/** Source text as a terminal can show it: tabs as four spaces, other control bytes (binary junk) as �. */
function printable(text: string): string {
  return text.replace(/\t/g, '    ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}
