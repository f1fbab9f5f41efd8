/** `npm run hook:install` installs the pre-commit hook; the hook itself runs `node scripts/hook.ts pre-commit`. */
import { installHook } from './hook-install-command.ts';
import { preCommitCheck } from './pre-commit-command.ts';
import type { CommandResult } from './command.ts';

/** Help text of a wrong `node scripts/hook.ts` call. */
export const hookUsage = '用法：node scripts/hook.ts install [--force] | pre-commit';

/** `install [--force]` or `pre-commit`, in the repository at `env.cwd`. */
export function hookCommand(argv: string[], env: { cwd: string; color?: boolean }): CommandResult {
  const [command, ...rest] = argv;
  if (command === 'install') return installHook(env.cwd, { force: rest.includes('--force') });
  if (command === 'pre-commit') return preCommitCheck(env.cwd, { color: env.color ?? false });
  return { exitCode: 2, stdout: '', stderr: `${hookUsage}\n` };
}
