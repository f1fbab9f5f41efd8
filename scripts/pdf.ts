#!/usr/bin/env node
/** npm run pdf: checks the document set, then writes every PDF into dist/pdf. */
import { pdfCommand } from '../src/cli/pdf-command.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(await pdfCommand(process.argv.slice(2), terminal()));
