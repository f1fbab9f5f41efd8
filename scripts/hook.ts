#!/usr/bin/env node
/** npm run hook:install installs the pre-commit hook; the hook itself runs `node scripts/hook.ts pre-commit`. */
import { installHook } from '../src/cli/hook-install-command.ts';
import { preCommitCheck } from '../src/cli/pre-commit-command.ts';

const [command, ...rest] = process.argv.slice(2);
const result =
  command === 'install'
    ? installHook(process.cwd(), { force: rest.includes('--force') })
    : command === 'pre-commit'
      ? preCommitCheck(process.cwd(), { color: process.stdout.isTTY && !process.env.NO_COLOR })
      : { exitCode: 2, stdout: '', stderr: '用法：node scripts/hook.ts install [--force] | pre-commit\n' };
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
