/** `node scripts/code-quality.ts check.json > gl-code-quality-report.json`: GitLab's Code Quality report, used by .gitlab-ci.yml. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCheckJson, toCodeQuality } from '../authoring/code-quality.ts';
import type { CommandResult } from './command.ts';

/** Help text when the input file is missing. */
export const codeQualityUsage = '用法：node scripts/code-quality.ts <npm run --silent check -- --format json 的输出文件>';

/** The report of the findings in `npm run check -- --format json`'s output file. */
export function codeQualityCommand(argv: string[], env: { cwd: string }): CommandResult {
  const [input] = argv;
  if (input === '--help' || input === '-h') return { exitCode: 0, stdout: `${codeQualityUsage}\n`, stderr: '' };
  if (!input) return { exitCode: 2, stdout: '', stderr: `${codeQualityUsage}\n` };
  return { exitCode: 0, stdout: `${JSON.stringify(toCodeQuality(parseCheckJson(readFileSync(resolve(env.cwd, input), 'utf8'))), null, 2)}\n`, stderr: '' };
}
