#!/usr/bin/env node
/** node scripts/code-quality.ts check.json > gl-code-quality-report.json — used by .gitlab-ci.yml. */
import { readFileSync } from 'node:fs';
import { parseCheckJson, toCodeQuality } from '../src/authoring/code-quality.ts';

const [input] = process.argv.slice(2);
if (!input) {
  process.stderr.write('用法：node scripts/code-quality.ts <npm run --silent check -- --format json 的输出文件>\n');
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(toCodeQuality(parseCheckJson(readFileSync(input, 'utf8'))), null, 2)}\n`);
}
