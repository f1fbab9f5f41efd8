#!/usr/bin/env node
/** npm run export:docx: checks the document set, then writes the Word copy of every current document into dist/docx. */
import { docxCommand } from '../src/cli/docx-command.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(await docxCommand(process.argv.slice(2), terminal()));
