#!/usr/bin/env node
/** npm run copy: issue numbered paper copies, or record their return. */
import { copyCommand } from '../src/cli/copy-command.ts';

process.exitCode = await copyCommand(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
