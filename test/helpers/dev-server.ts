/** Helpers of the tests that start `npm run dev`: a free port, and waiting until the server answers. */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

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
