/**
 * A set large enough for a search index in parts (search-parts.ts), in real Chromium: the search
 * page loads the first part, merges the others, and finds text in documents of every part.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSet } from '../../scripts/lib/generated-set.ts';
import { buildSite } from '../../src/site/build/build-site.ts';
import { serveStatic } from '../../src/site/build/static-server.ts';
import { documentsPerPart, searchPartOf } from '../../src/site/search/search-parts.ts';
import { sharedContext } from '../helpers/shared-context.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

const root = testTempDir('search-parts-');
const outDir = join(root, 'dist');
let browser: Browser;
let context: BrowserContext;
let server: Server;
let url: string;
/** One procedure of each part, each given the same word that no other document has. */
const marked: string[] = [];

beforeAll(async () => {
  // Just over one part's worth of current documents: two parts.
  const size = Math.ceil((documentsPerPart + 1) / 10) * 10;
  const files = generateSet(root, size);
  for (const part of [0, 1]) {
    const file = files.find((f) => f.path.includes('/procedures/') && searchPartOf(numberOf(readFileSync(join(root, f.path), 'utf8')), 2) === part && !marked.includes(f.path))!;
    writeFileSync(join(root, file.path), `${readFileSync(join(root, file.path), 'utf8')}\n本程序另设蓝鲸计划专项。\n`);
    marked.push(file.path);
  }
  const lines: string[] = [];
  const result = await buildSite({ contentRoot: root, outDir, pdf: false, log: (line) => lines.push(line) });
  if (result.exitCode !== 0) throw new Error(lines.join('\n'));
  ({ server, url } = await serveStatic(outDir));
  ({ browser, context } = await sharedContext());
}, 900_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

function numberOf(text: string): string {
  return /^number: (.+)$/m.exec(text)![1]!;
}

describe('search in parts', { timeout: 120_000 }, () => {
  it('keeps each part in a folder of its own beside the search UI, and the search page names them', () => {
    expect(readdirSync(join(outDir, 'pagefind')).sort()).toEqual(['pagefind-ui.css', 'pagefind-ui.js', 'part-0', 'part-1']);
    const search = readFileSync(join(outDir, 'search/index.html'), 'utf8');
    expect(search).toContain('data-bundle="/pagefind/part-0/"');
    expect(search).toContain('data-parts="[&quot;/pagefind/part-1/&quot;]"');
  });

  it('finds a word in documents of both parts', async () => {
    const page = await context.newPage();
    await page.goto(`${url}/search/?q=${encodeURIComponent('蓝鲸计划')}`);
    const links = page.locator('.pagefind-ui__result-link');
    await expect.poll(async () => links.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const hrefs = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).filter((h) => !h?.includes('#'));
    const expected = marked.map((path) => `/${path.replace(/^content\//, '').replace(/\.mdx$/, '')}/`);
    expect(hrefs.sort()).toEqual(expected.sort());
    await page.close();
  });
});
