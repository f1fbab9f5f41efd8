#!/usr/bin/env node
/** npm run build: check, then build the site (with search, PDFs and Word copies) into dist/. */
import { buildCommand } from '../src/cli/build-command.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(await buildCommand(process.argv.slice(2), terminal()));
