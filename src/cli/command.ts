/**
 * The shape of every command (命令): `(argv, env) => result`, where env is all a command learns about
 * the process it runs in (working folder, colour, writers, environment variables). Commands never
 * read process.argv, process.env or process.exit themselves, so tests run them in-process and the
 * scripts/*.ts entry points stay a few lines that call `terminal()` and `exitWith()`.
 */

import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

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

/** The -h/--help switch every command takes. */
const helpOption = { help: { type: 'boolean', short: 'h', default: false } } as const;

type OptionsConfig<O extends ParseArgsOptionsConfig> = { args: string[]; options: O & typeof helpOption; strict: true; allowPositionals: boolean };

/** A command's parsed argv: its option values and, for a command that takes them, its positional arguments. */
export type ParsedOptions<O extends ParseArgsOptionsConfig> = Pick<ReturnType<typeof parseArgs<OptionsConfig<O>>>, 'values' | 'positionals'>;

/**
 * Reads a command's options (strict, -h/--help added), or gives the answer instead of running: the
 * usage on stdout for --help (exit 0), the parse error and the usage on stderr for a bad option (exit 2).
 */
export function readOptions<const O extends ParseArgsOptionsConfig>(argv: string[], options: O, usage: string, { positionals = false } = {}): ParsedOptions<O> | CommandResult {
  let parsed: ParsedOptions<O>;
  try {
    parsed = parseArgs<OptionsConfig<O>>({ args: argv, options: { ...options, ...helpOption }, strict: true, allowPositionals: positionals });
  } catch (error) {
    return { exitCode: 2, stdout: '', stderr: `${(error as Error).message}\n${usage}\n` };
  }
  if ((parsed.values as { help?: boolean }).help) return { exitCode: 0, stdout: `${usage}\n`, stderr: '' };
  return parsed;
}

/** Whether readOptions answered instead of giving options. */
export function isAnswer<O extends ParseArgsOptionsConfig>(read: ParsedOptions<O> | CommandResult): read is CommandResult {
  return 'exitCode' in read;
}

/** Writes a collected result through a command's writers and gives its exit code (for commands that write as they go). */
export function writeResult(result: CommandResult, env: Pick<CommandEnv, 'out' | 'err'>): number {
  if (result.stdout) env.out(result.stdout);
  if (result.stderr) env.err(result.stderr);
  return result.exitCode;
}
