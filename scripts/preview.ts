#!/usr/bin/env node
/** npm run preview: serves dist/ on http://127.0.0.1:4321 (PORT to change), under the base path it was built for. */
import { previewCommand } from '../src/cli/preview-command.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(await previewCommand(process.argv.slice(2), terminal()));
