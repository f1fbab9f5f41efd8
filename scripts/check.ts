#!/usr/bin/env node
/** npm run check: checks the whole document set and exits 1 on errors. */
import { checkCommand } from '../src/cli/check-command.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(checkCommand(process.argv.slice(2), terminal()));
