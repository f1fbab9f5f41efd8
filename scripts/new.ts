#!/usr/bin/env node
/** npm run new: creates a controlled document from its type's template (asks in a terminal, flags for scripts). */
import { newCommandInTerminal } from '../src/cli/new-command.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(await newCommandInTerminal(process.argv.slice(2), terminal()));
