#!/usr/bin/env node
/** The shoukong command line: `shoukong <命令> [选项]`, every command of src/cli/commands.ts. */
import { shoukongCommand } from '../src/cli/commands.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(await shoukongCommand(process.argv.slice(2), terminal()));
