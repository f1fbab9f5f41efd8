/** The report formats every checking command offers (--format pretty|json|github). */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatGithub } from '../diagnostics/format-github.ts';
import { formatJson } from '../diagnostics/format-json.ts';
import { formatPretty } from '../diagnostics/format-pretty.ts';
import { readSourceFile } from '../model/load.ts';

/** The names --format accepts. */
export const reportFormats = ['pretty', 'json', 'github'] as const;

/** The message for an unknown --format value. */
export function unknownFormatMessage(format: string): string {
  return `未知的输出格式 "${format}"，应为 pretty、json 或 github\n`;
}

/**
 * The diagnostics in a format, or undefined for pretty, where `pretty` is given the formatted findings
 * (quoting source lines read relative to `sourceRoot`) to place among the command's own lines.
 */
export function formatReport(diagnostics: readonly Diagnostic[], format: string, options: { sourceRoot: string; color: boolean }, pretty: (findings: string) => string): string {
  if (format === 'json') return formatJson(diagnostics);
  if (format === 'github') return formatGithub(diagnostics);
  // Never through a symbolic link: a source line of /etc/passwd would end up in the CI log.
  const readSource = (file: string) => readSourceFile(options.sourceRoot, file);
  return pretty(formatPretty(diagnostics, { readSource, color: options.color }));
}
