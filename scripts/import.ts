#!/usr/bin/env node
/** npm run import: Word files (.docx) in, draft documents out, then the check on them. */
import { importCommand } from '../src/cli/import-command.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(await importCommand(process.argv.slice(2), terminal()));
