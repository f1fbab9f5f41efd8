/** `npm run dev` for end-to-end tests: started on a free port over a content root, stopped afterwards. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { projectRoot } from '../../src/site/build/build-site.ts';

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Waits until the dev server answers `url` (its first answer waits for the content to load); fails
 * with what the server printed when it exits or does not answer in time.
 */
export async function waitForServer(server: ChildProcess, url: string, timeoutMs: number, log: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`npm run dev 已退出（${server.exitCode}）：\n${log()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String((error as Error).cause ?? error); // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`npm run dev 在 ${timeoutMs / 1000} 秒内没有响应 ${url}（最后一次：${last}）：\n${log().slice(0, 3000)}`);
}

/** A running `npm run dev`: its address, what it printed so far, and how to stop it. */
export interface DevServer {
  base: string;
  log(): string;
  stop(): Promise<void>;
}

/** Starts `npm run dev --root <root>` and waits until it answers `readyPath` (e.g. /admin/config.json). */
export async function startDev(root: string, readyPath: string): Promise<DevServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const server = spawn(process.execPath, ['scripts/dev.ts', '--root', root, '--port', String(port), '--host', '127.0.0.1'], {
    cwd: projectRoot,
    // Without vitest's variables: Astro's dev server serves no pages when VITEST is set.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST')), NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  const log = () => output;
  const stop = async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  };
  try {
    await waitForServer(server, `${base}${readyPath}`, 280_000, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, log, stop };
}
