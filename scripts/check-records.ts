#!/usr/bin/env node
/** npm run check-records -- <文件夹>: filled records checked against the template versions they name. */
import { checkRecordsCommand } from '../src/cli/check-records-command.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(checkRecordsCommand(process.argv.slice(2), terminal()));
