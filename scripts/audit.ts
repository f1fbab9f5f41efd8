#!/usr/bin/env node
/** npm run audit: point-in-time view and the register, from Git history. */
import { auditCommand } from '../src/cli/audit-command.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(auditCommand(process.argv.slice(2), terminal()));
