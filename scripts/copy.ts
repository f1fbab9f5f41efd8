#!/usr/bin/env node
/** npm run copy: issue numbered paper copies, or record their return. */
import { copyCommand } from '../src/cli/copy-command.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(await copyCommand(process.argv.slice(2), terminal()));
