/** GitHub Actions workflow commands: each diagnostic becomes an annotation on the changed line. */
import type { Diagnostic } from './diagnostic.ts';

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.span.start.line}`,
        `col=${d.span.start.column}`,
        `endLine=${d.span.end.line}`,
        `endColumn=${d.span.end.column}`,
        `title=${escapeProperty(d.ruleId)}`,
      ].join(',');
      const related = d.related ? `\n${d.related.message}：${d.related.file}:${d.related.span.start.line}:${d.related.span.start.column}` : '';
      return `::${d.severity} ${props}::${escapeData(d.message + related)}`;
    })
    .join('\n');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
