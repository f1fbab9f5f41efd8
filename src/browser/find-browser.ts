/**
 * Finds a Chromium to drive, never downloading one: an explicit setting first, then an installed
 * Chrome or Chromium, then the one packaged in the npm package @sparticuz/chromium.
 */
import { accessSync, constants } from 'node:fs';

export interface FoundBrowser {
  executablePath: string;
  /** Where it came from, for the build log. */
  source: 'setting' | 'installed' | 'packaged';
  /** Extra arguments this build needs (the packaged one brings its own). */
  args: string[];
}

export const browserSetting = 'SHOUKONG_CHROMIUM';

const installedPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

export const browserHelp = `找不到可用的 Chromium。任选一种方式解决：
  1. 安装系统的 Chromium：Debian/Ubuntu 执行 sudo apt-get install chromium
  2. 安装随 npm 提供的 Chromium：npm install --save-dev @sparticuz/chromium（仅 Linux x64/arm64）
  3. 指定已有的浏览器：export ${browserSetting}=/path/to/chrome`;

export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<FoundBrowser> {
  const setting = env[browserSetting];
  if (setting) {
    if (!isExecutable(setting)) throw new BrowserNotFoundError(`${browserSetting}=${setting} 不是可执行文件；请改正该路径，或取消这个设置以自动查找`);
    return { executablePath: setting, source: 'setting', args: [] };
  }
  const installed = installedPaths.find(isExecutable);
  if (installed) return { executablePath: installed, source: 'installed', args: [] };
  const packaged = await packagedBrowser();
  if (packaged) return packaged;
  throw new BrowserNotFoundError(browserHelp);
}

/**
 * The Chromium of the npm package @sparticuz/chromium with the flags it asks for (launch.ts drops
 * the unsafe ones among them), or undefined when it is not installed or not for this platform.
 */
export async function packagedBrowser(): Promise<FoundBrowser | undefined> {
  try {
    const packaged = (await import('@sparticuz/chromium')).default;
    const executablePath = await packaged.executablePath();
    if (executablePath && isExecutable(executablePath)) return { executablePath, source: 'packaged', args: packaged.args };
  } catch {
    // Not installed or not for this platform.
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
