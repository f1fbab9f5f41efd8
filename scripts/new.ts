#!/usr/bin/env node
/** npm run new: creates a controlled document from its type's template (asks in a terminal, flags for scripts). */
import { newCommand } from '../src/cli/new-command.ts';
import { terminalPrompter } from '../src/authoring/prompts.ts';

const prompter = process.stdin.isTTY && process.stdout.isTTY ? terminalPrompter(process.stdin, process.stdout) : undefined;
try {
  const result = await newCommand(process.argv.slice(2), { cwd: process.cwd(), color: process.stdout.isTTY && !process.env.NO_COLOR, ...(prompter ? { prompter } : {}) });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
} finally {
  prompter?.close();
}
