/** GitLab Code Quality report from `npm run check -- --format json`, so merge requests show findings on the changed lines. */
import { createHash } from 'node:crypto';

/** One finding as `--format json` prints it. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  ruleId: string;
  message: string;
}

/** One entry of GitLab's Code Quality report (a subset of the Code Climate format). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'major' | 'minor';
  location: { path: string; lines: { begin: number } };
}

/** Converts the check's JSON findings; the fingerprint ignores the line so a finding keeps its identity when lines move. */
export function toCodeQuality(findings: readonly JsonFinding[]): CodeQualityIssue[] {
  return findings.map((f) => ({
    description: `${f.message}（${f.ruleId}）`,
    check_name: f.ruleId,
    fingerprint: createHash('md5').update(`${f.ruleId}\0${f.file}\0${f.message}`).digest('hex'),
    severity: f.severity === 'error' ? 'major' : 'minor',
    location: { path: f.file, lines: { begin: f.line } },
  }));
}

/** Reads the JSON array from the check's output, skipping anything printed before it (e.g. npm's banner). */
export function parseCheckJson(text: string): JsonFinding[] {
  const start = text.indexOf('[');
  if (start === -1) throw new Error('检查输出中没有 JSON 数组：请用 npm run --silent check -- --format json 生成');
  return JSON.parse(text.slice(start)) as JsonFinding[];
}
