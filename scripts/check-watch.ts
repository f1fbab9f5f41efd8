#!/usr/bin/env node
/** node scripts/check-watch.ts: checks on every save under content/ — the VS Code task “受控：保存即检查” runs it in the background. */
import { checkWatchCommand } from '../src/cli/check-watch-command.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(checkWatchCommand(process.argv.slice(2), terminal()));
