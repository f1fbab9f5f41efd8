#!/usr/bin/env node
/** npm run approval -- record: records who approved a merged pull request (content/org/approvals.yaml). */
import { approvalCommand } from '../src/cli/approval-command.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(approvalCommand(process.argv.slice(2), terminal()));
