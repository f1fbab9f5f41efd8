/**
 * The shape of every command (命令): `(argv, env) => result`, where env is all a command learns about
 * the process it runs in (working folder, colour, writers, environment variables). Commands never
 * read process.argv, process.env or process.exit themselves, so tests run them in-process and the
 * scripts/*.ts entry points stay a few lines that call `terminal()` and `exitWith()`.
 */

/** What a command that collects its output returns (check, audit, new, …). */
export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Where a command runs: the terminal for the scripts, a fixture folder and string writers in tests. */
export interface CommandEnv {
  cwd: string;
  /** Whether output may use ANSI colours (a terminal without NO_COLOR). */
  color?: boolean;
  /** Progress and results (stdout). */
  out: (text: string) => void;
  /** Problems and progress lines (stderr). */
  err: (text: string) => void;
  /** The environment variables a command documents as settings (SHOUKONG_BASE, SHOUKONG_TODAY, …). */
  environment: Readonly<Record<string, string | undefined>>;
}

/** The process's own terminal as a command's environment. */
export function terminal(): CommandEnv {
  return {
    cwd: process.cwd(),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    environment: process.env,
  };
}

/** Prints a collected result and sets the exit code (a writing command's result is its exit code). */
export function exitWith(result: CommandResult | number | undefined): void {
  if (result === undefined) return; // a server: it runs until stopped
  if (typeof result === 'number') {
    process.exitCode = result;
    return;
  }
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
