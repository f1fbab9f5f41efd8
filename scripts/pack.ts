#!/usr/bin/env node
/** npm run pack -- --base <ref>: the approval pack (审批材料) with a 修订对照表 per changed document. */
import { packCommand } from '../src/cli/pack-command.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(await packCommand(process.argv.slice(2), terminal()));
