/**
 * A Chinese font for a page, as if the reader had one installed. Screen pages download no font and
 * draw with the reader's own (src/styles/site.css, "PingFang SC" first), but a fresh CI machine may
 * have no Chinese font at all. A test that reads the text back from a page it printed therefore
 * lends the page Noto Sans SC (from @fontsource) under the first name of that stack.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const weights = [400, 700];

/** Loads the lent font into the open page (call before going offline; it lasts until the page navigates). */
export async function lendReaderFont(page: Page): Promise<void> {
  const require = createRequire(import.meta.url);
  const bytes = new Map(weights.map((w) => [w, readFileSync(require.resolve(`@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-${w}-normal.woff2`))]));
  await page.route('**/__reader-font/*.woff2', (route) => route.fulfill({ contentType: 'font/woff2', body: bytes.get(Number(/(\d+)\.woff2$/.exec(route.request().url())?.[1]))! }));
  await page.addStyleTag({ content: weights.map((w) => `@font-face{font-family:"PingFang SC";font-weight:${w};src:url(/__reader-font/${w}.woff2) format("woff2")}`).join('') });
  await page.evaluate(() => Promise.all([...document.fonts].map((face) => face.load())));
}
