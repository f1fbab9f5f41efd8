#!/usr/bin/env node
/** npm run approval -- record: records who approved a merged pull request (content/org/approvals.yaml). */
import { approvalCommand } from '../src/cli/approval-command.ts';

const result = approvalCommand(process.argv.slice(2), { cwd: process.cwd(), environment: process.env });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
