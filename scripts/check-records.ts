#!/usr/bin/env node
/** npm run check-records -- <文件夹>: filled records checked against the template versions they name. */
import { checkRecordsCommand } from '../src/cli/check-records-command.ts';

const result = checkRecordsCommand(process.argv.slice(2), { cwd: process.cwd(), color: process.stdout.isTTY && !process.env.NO_COLOR });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
