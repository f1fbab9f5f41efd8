#!/usr/bin/env node
/** npm run build: check, then build the site (with search and PDFs) into dist/; exit 1 on errors, 2 on a bad option. */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { buildSite } from '../src/site/build/build-site.ts';
import { BasePathError, basePathOption } from '../src/site/build/base-path.ts';
import { dateOptionError } from '../src/model/calendar-date.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    out: { type: 'string' },
    'no-pdf': { type: 'boolean', default: false },
    today: { type: 'string' },
    base: { type: 'string' },
  },
  strict: true,
});
let base: string;
try {
  base = basePathOption(values.base, process.env.SHOUKONG_BASE);
} catch (error) {
  if (!(error instanceof BasePathError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
for (const [name, value] of [['--today', values.today], ['SHOUKONG_TODAY', process.env.SHOUKONG_TODAY]] as const) {
  const bad = value ? dateOptionError(name, value) : undefined;
  if (bad) {
    process.stderr.write(`${bad}\n`);
    process.exit(2);
  }
}
if (base !== '/') process.stderr.write(`发布路径：${base}（网站中的链接都以 ${base} 开头）\n`);
const result = await buildSite({
  ...(values.root ? { contentRoot: resolve(values.root) } : {}),
  ...(values.out ? { outDir: resolve(values.out) } : {}),
  ...(values.today ? { today: values.today } : {}),
  base,
  pdf: !values['no-pdf'],
  color: process.stderr.isTTY && !process.env.NO_COLOR,
});
process.exitCode = result.exitCode;
