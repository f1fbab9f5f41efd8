#!/usr/bin/env node
/** npm run dev: the site with live preview (Astro dev server); a saved content file updates its page and its check findings. */
import { devCommand } from '../src/cli/dev-command.ts';
import { exitWith, terminal } from '../src/cli/command.ts';

exitWith(await devCommand(process.argv.slice(2), terminal()));
