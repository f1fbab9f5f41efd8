/**
 * Times commands from a small process of its own, started before a benchmark loads anything: a
 * command spawned by a process that has built thousands of pages (gigabytes of memory) ran several
 * times slower here, Hugo 1.0 s becoming 5 s, almost all of it in the kernel. Every side of a
 * comparison is spawned from here, so none pays for the benchmark's own size.
 *
 *   const runner = startRunner(); const { ms, status, stderr } = await runner.time('hugo', [...]); runner.stop();
 */
import { fork, spawnSync } from 'node:child_process';

interface Request {
  id: number;
  command: string;
  args: string[];
  cwd?: string;
}

interface Reply {
  id: number;
  ms: number;
  status: number | null;
  stderr: string;
}

export interface Runner {
  /** Runs `command` to its end (after writing dirty file data to disk) and returns how long it took. */
  time(command: string, args: string[], cwd?: string): Promise<Omit<Reply, 'id'>>;
  stop(): void;
}

export function startRunner(): Runner {
  const child = fork(import.meta.filename, ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, (reply: Reply) => void>();
  child.on('message', (reply: Reply) => waiting.get(reply.id)?.(reply));
  let next = 0;
  return {
    time(command, args, cwd) {
      const id = ++next;
      return new Promise((resolve) => {
        waiting.set(id, ({ id: _, ...reply }) => resolve(reply));
        child.send({ id, command, args, cwd } satisfies Request);
      });
    },
    stop: () => child.kill(),
  };
}

if (process.argv.includes('--serve')) {
  process.on('message', ({ id, command, args, cwd }: Request) => {
    // What the file system still holds back goes to disk first, so that no side pays for the writes of the run before.
    spawnSync('sync', { stdio: 'ignore' });
    const started = performance.now();
    const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    process.send!({ id, ms: performance.now() - started, status: result.status, stderr: result.stderr?.toString() ?? '' } satisfies Reply);
  });
}
