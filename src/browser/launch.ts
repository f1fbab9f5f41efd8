/** Starts one headless Chromium for a whole run, with the flags this closed network needs. */
import type { Browser } from 'playwright-core';
import { findBrowser, type FoundBrowser } from './find-browser.ts';

/** Flags that stop Chromium reaching for the network at start, which this machine refuses. */
const quietFlags = [
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

/**
 * Flags never passed, whoever asks for them: they lift the same-origin policy or let pages read
 * files. The npm package @sparticuz/chromium brings --disable-web-security among its own flags,
 * with which a page opened from disk could read any file on the machine.
 */
const unsafeFlags = new Set([
  '--disable-web-security',
  '--allow-file-access-from-files',
  '--allow-file-access',
  '--allow-universal-access-from-files',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--user-data-dir',
  '--remote-debugging-address',
  '--remote-allow-origins',
]);

/** The flags without the unsafe ones (compared by name, before any `=value`). */
export function safeFlags(args: readonly string[]): string[] {
  return args.filter((arg) => !unsafeFlags.has(arg.split('=', 1)[0]!.toLowerCase()));
}

export async function launchBrowser(found?: FoundBrowser): Promise<{ browser: Browser; found: FoundBrowser }> {
  const { chromium } = await import('playwright-core');
  const browserInfo = found ?? (await findBrowser());
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const args = safeFlags([...new Set([...browserInfo.args, ...quietFlags, ...(runningAsRoot ? ['--no-sandbox'] : [])])]);
  const browser = await chromium.launch({ executablePath: browserInfo.executablePath, headless: true, args });
  return { browser, found: browserInfo };
}
