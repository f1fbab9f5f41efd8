#!/usr/bin/env node
/** npm run hook:install installs the pre-commit hook; the hook itself runs `node scripts/hook.ts pre-commit`. */
import { hookCommand } from '../src/cli/hook-command.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(hookCommand(process.argv.slice(2), terminal()));
