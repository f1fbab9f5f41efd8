#!/usr/bin/env node
/** The shoukong command line: `shoukong check [options]`. */
import { checkCommand, checkUsage } from '../src/cli/check-command.ts';

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, typeof checkCommand> = { check: checkCommand };
const run = command ? commands[command] : undefined;
if (!run) {
  process.stderr.write(`用法：shoukong <命令> [选项]\n命令：\n  check   检查文件体系\n\n${checkUsage}\n`);
  process.exitCode = 2;
} else {
  const result = run(rest, { cwd: process.cwd(), color: process.stdout.isTTY && !process.env.NO_COLOR });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
