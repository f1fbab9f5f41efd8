#!/usr/bin/env node
/** npm run import: Word files (.docx) in, draft documents out, then the check on them. */
import { importCommand } from '../src/cli/import-command.ts';

process.exitCode = await importCommand(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
