/**
 * Hostile content through the site build. First as CI runs it: the check stops the build before
 * anything is written. Then with the check turned off, so that the renderer's own guards are what
 * stands between the content and the site: a real browser opens the hostile pages, listens for
 * dialogs and clicks every link in the document body; no script may run, and no byte of the files
 * outside the repository may appear anywhere in the built site.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/launch.ts';
import { imageUrlProblem, linkUrlProblem } from '../../src/model/safe-url.ts';
import { buildSite, type BuildSiteResult } from '../../src/site/build/build-site.ts';
import { serveStatic } from '../../src/site/build/static-server.ts';
import { fixtureToday, removeSet } from '../helpers/fixture-set.ts';
import { testTempDir } from '../helpers/temp-dir.ts';
import { hostileSet, type HostileSet } from './hostile-set.ts';

let gated: { set: HostileSet; out: string; result: BuildSiteResult; log: string[] };
let built: { set: HostileSet; out: string; result: BuildSiteResult; log: string[] };
let server: Server | undefined;
let base: string;
let browser: Browser | undefined;

async function build(set: HostileSet, check: boolean) {
  const out = join(testTempDir('shoukong-hostile-site-'), 'dist');
  const log: string[] = [];
  const result = await buildSite({ contentRoot: set.root, outDir: out, pdf: false, check, parseCache: false, today: fixtureToday, log: (line) => log.push(line) });
  return { set, out, result, log };
}

/** Every file under a folder, by path. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile());
}

beforeAll(async () => {
  gated = await build(hostileSet(), true);
  built = await build(hostileSet({ buildable: true }), false);
  if (built.result.exitCode !== 0) throw new Error(`build with the check off failed:\n${built.log.join('\n')}`);
  ({ server, url: base } = await serveStatic(built.out));
  ({ browser } = await launchBrowser());
}, 600_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  for (const { set } of [gated, built]) {
    if (!set) continue;
    removeSet(set.root);
    removeSet(set.outside);
  }
});

describe('npm run build on hostile content', () => {
  it('stops at the check, writes no site and names the findings in the usual form without reading outside', () => {
    expect(gated.result.exitCode).toBe(1);
    expect(existsSync(gated.out)).toBe(false);
    const log = gated.log.join('\n');
    for (const f of gated.set.findings) expect(log, f.case).toContain(`${f.file}:${f.line}:${f.column}`);
    expect(log).toContain('构建已停止：有错误');
    expect(log).not.toContain(gated.set.marker);
    expect(log).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});

describe('the site built from hostile content with the check turned off', () => {
  it('holds no byte of any file outside the repository, compressed search index included', () => {
    const leaks: string[] = [];
    for (const file of filesUnder(built.out)) {
      const bytes = readFileSync(file);
      let text = bytes.toString('latin1');
      try {
        text += gunzipSync(bytes).toString('latin1');
      } catch {
        // Not gzip: the raw bytes are all there is.
      }
      if (text.includes(built.set.marker)) leaks.push(file);
    }
    expect(leaks).toEqual([]);
    // The search index was built and read: the check above covered it.
    expect(filesUnder(built.out).some((f) => f.includes('pagefind'))).toBe(true);
  });

  it('publishes no page for a document behind a symbolic link', () => {
    expect(existsSync(join(built.out, 'regulations/jmi-zd-13-90'))).toBe(false);
    expect(existsSync(join(built.out, 'regulations/jmi-zd-13-91'))).toBe(false);
    expect(existsSync(join(built.out, 'regulations/jmi-zd-13-20/index.html'))).toBe(true);
  });

  it('has no link or image outside the allow-list in the document bodies', () => {
    const unsafe: string[] = [];
    for (const file of filesUnder(built.out).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      const body = /<div class="doc-body">([\s\S]*?)<\/article>|<div class="doc-body">([\s\S]*)$/.exec(html)?.[0] ?? '';
      // The site's own scripts (the record page's 在线填写, /record-fill.js) are not content.
      const content = body.replace(/<script src="\/[\w-]+\.js"[^>]*><\/script>/g, '');
      for (const match of content.matchAll(/\s(href|src|action|formaction|poster|srcset)\s*=\s*"([^"]*)"/gi)) {
        const url = match[2]!.replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)));
        const problem = match[1]!.toLowerCase() === 'href' ? linkUrlProblem(url) : imageUrlProblem(url, 'content/regulations/x.mdx');
        if (problem) unsafe.push(`${file}: ${match[0]}`);
      }
      expect(/<script[^>]*>[^<]*alert\(/i.test(body), file).toBe(false);
    }
    expect(unsafe).toEqual([]);
  });

  it('runs no script when the hostile pages are opened and every link in them is clicked', async () => {
    const dialogs: string[] = [];
    const context = await browser!.newContext();
    const watch = (page: Page) => page.on('dialog', (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    context.on('page', watch);
    // The listener works: a script that does run is seen.
    const control = await context.newPage();
    await control.goto(`${base}/`);
    await control.evaluate(() => alert('对照'));
    expect(dialogs).toEqual([`${base}/: 对照`]);
    dialogs.length = 0;

    let clicked = 0;
    for (const path of built.set.pages) {
      const page = await context.newPage();
      await page.goto(base + path);
      await page.waitForLoadState('load');
      const count = await page.locator('.doc-body a').count();
      for (let i = 0; i < count; i++) {
        await page.goto(base + path);
        const link = page.locator('.doc-body a').nth(i);
        await link.click({ modifiers: [] }).catch(() => undefined);
        await page.waitForLoadState('load').catch(() => undefined);
        clicked++;
      }
      await page.close();
    }
    await context.close();
    expect(dialogs).toEqual([]);
    expect(clicked).toBeGreaterThan(0);
  });

  it('keeps the text of a refused link and shows a hostile title as text', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/regulations/jmi-zd-13-20/`);
    const body = page.locator('.doc-body');
    expect(await body.textContent()).toContain('第一条 脚本 大小写 实体');
    // The only address left is the safe one; the flowchart's click targets lost theirs (mermaid's strict mode).
    const hrefs = await body.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')));
    expect(hrefs.filter((h) => h !== null)).toEqual(['https://www.example.edu.cn/']);
    expect(await body.locator('svg').count()).toBe(1);
    await page.goto(`${base}/regulations/jmi-zd-13-26/`);
    expect(await page.locator('h1').textContent()).toContain('<script>alert(13)</script>');
    expect(await page.locator('h1 script, h1 img').count()).toBe(0);
    await context.close();
  });
});
