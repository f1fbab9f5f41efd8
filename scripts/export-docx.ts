#!/usr/bin/env node
/** npm run export:docx: checks the document set, then writes the Word copy of every current document into dist/docx. */
import { docxCommand } from '../src/cli/docx-command.ts';

process.exitCode = await docxCommand(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
