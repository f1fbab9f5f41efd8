#!/usr/bin/env node
/** npm run audit: point-in-time view and the register, from Git history. */
import { auditCommand } from '../src/cli/audit-command.ts';

const result = auditCommand(process.argv.slice(2), { cwd: process.cwd() });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
