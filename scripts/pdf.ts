#!/usr/bin/env node
/** npm run pdf: checks the document set, then writes every PDF into dist/pdf. */
import { pdfCommand } from '../src/cli/pdf-command.ts';

process.exitCode = await pdfCommand(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
