#!/usr/bin/env node
/** node scripts/code-quality.ts check.json > gl-code-quality-report.json — used by .gitlab-ci.yml. */
import { codeQualityCommand } from '../src/cli/code-quality-command.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(codeQualityCommand(process.argv.slice(2), terminal()));
