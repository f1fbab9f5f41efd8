#!/usr/bin/env node
/** npm run build: check, then build the site (with search and PDFs) into dist/; exit 1 on errors. */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { buildSite } from '../src/site/build-site.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    out: { type: 'string' },
    'no-pdf': { type: 'boolean', default: false },
    today: { type: 'string' },
  },
  strict: true,
});
const result = await buildSite({
  ...(values.root ? { contentRoot: join(process.cwd(), values.root) } : {}),
  ...(values.out ? { outDir: join(process.cwd(), values.out) } : {}),
  ...(values.today ? { today: values.today } : {}),
  pdf: !values['no-pdf'],
  color: process.stderr.isTTY && !process.env.NO_COLOR,
});
process.exitCode = result.exitCode;
