#!/usr/bin/env node
/** npm run check: checks the whole document set and exits 1 on errors. */
import { checkCommand } from '../src/cli/check-command.ts';

const result = checkCommand(process.argv.slice(2), { cwd: process.cwd(), color: process.stdout.isTTY && !process.env.NO_COLOR });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
