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

export async function launchBrowser(found?: FoundBrowser): Promise<{ browser: Browser; found: FoundBrowser }> {
  const { chromium } = await import('playwright-core');
  const browserInfo = found ?? (await findBrowser());
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const args = [...new Set([...browserInfo.args, ...quietFlags, ...(runningAsRoot ? ['--no-sandbox'] : [])])];
  const browser = await chromium.launch({ executablePath: browserInfo.executablePath, headless: true, args });
  return { browser, found: browserInfo };
}
