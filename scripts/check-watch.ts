#!/usr/bin/env node
/** node scripts/check-watch.ts: checks on every save under content/ — the VS Code task “受控：保存即检查” runs it in the background. */
import { watchCheck } from '../src/cli/check-watch-command.ts';

watchCheck(process.cwd(), (text) => process.stdout.write(text));
