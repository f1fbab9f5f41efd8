/**
 * End-to-end: a numbered paper copy printed by `npm run copy` through the real print pipeline.
 * Every page's text carries 受控, the 分发号, holder and department; page 1 rendered to pixels
 * (pdfjs-dist on a canvas) holds a QR code that jsqr decodes to the copy's verification page, which
 * real Chromium then opens on the built example site and finds 现行有效 for this holder.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import * as jsqrModule from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/launch.ts';
import { copyCommand } from '../../src/cli/copy-command.ts';
import { projectRoot } from '../../src/site/build/build-site.ts';
import { serveStatic } from '../../src/site/build/static-server.ts';
import { pageTexts } from '../print/pdf-reading.ts';
import { builtSite } from '../site/built-site.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

// jsqr is CommonJS: its function is the module's default export, or that export's own default.
type DecodeQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsqrDefault = (jsqrModule as unknown as { default: DecodeQr | { default: DecodeQr } }).default;
const jsQR: DecodeQr = typeof jsqrDefault === 'function' ? jsqrDefault : jsqrDefault.default;

let server: Server;
let site: string;
let browser: Browser;
let context: BrowserContext;
let pdf: Uint8Array;
let output = '';
const root = testTempDir('copy-e2e-');

beforeAll(async () => {
  const dist = await builtSite();
  ({ server, url: site } = await serveStatic(dist));
  // The example's content without its last issue (JMI/CX/13-B1-002 to 吴建国), which the command issues
  // again: the copy it prints is one the built site has a verification page for.
  cpSync(join(projectRoot, 'content'), join(root, 'content'), { recursive: true });
  const registerFile = join(root, 'content/copies/distribution.yaml');
  const register = readFileSync(registerFile, 'utf8');
  writeFileSync(registerFile, register.replace(/  - copy: JMI\/CX\/13-B1-002\n(?:    .*\n)+/, ''));
  const code = await copyCommand(['JMI/CX/13', '--to', '轮机工程学院', '--holder', '吴建国', '--site', `${site}/`, '--root', root, '--today', '2026-11-24', '--out', join(root, 'copies')], {
    cwd: root,
    out: (text) => (output += text),
    err: (text) => (output += text),
  });
  expect(code, output).toBe(0);
  pdf = new Uint8Array(readFileSync(join(root, 'copies/jmi-cx-13-b1-002.pdf')));
  ({ browser } = await launchBrowser());
  // The packaged Chromium runs single-process: closing a browser context ends it, so pages share one.
  context = await browser.newContext({ javaScriptEnabled: false });
  await context.newPage();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Page `n` of the PDF as RGBA pixels, drawn by pdfjs-dist on its Node canvas. */
async function pagePixels(bytes: Uint8Array, n: number, scale: number): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale });
    const { canvas, context } = (doc as unknown as { canvasFactory: { create(w: number, h: number): unknown } }).canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height)) as { canvas: { width: number; height: number }; context: CanvasRenderingContext2D };
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context, viewport, canvas: canvas as unknown as HTMLCanvasElement }).promise;
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return { data: image.data, width: image.width, height: image.height };
  } finally {
    await doc.destroy();
  }
}

describe('a numbered controlled copy', () => {
  it('is registered under the next 分发号 and says where its PDF is', () => {
    expect(output).toContain('JMI/CX/13-B1-002  JMI/CX/13 B/1  轮机工程学院 吴建国');
    const register = readFileSync(join(root, 'content/copies/distribution.yaml'), 'utf8');
    expect(register).toMatch(/- copy: JMI\/CX\/13-B1-002\n {4}number: JMI\/CX\/13\n {4}version: B\/1\n {4}department: 轮机工程学院\n {4}holder: 吴建国\n {4}issued: 2026-11-24\n$/);
    // Comments of the register are kept.
    expect(register.startsWith('# 受控文件发放回收登记')).toBe(true);
  });

  it('carries 受控, the 分发号, holder, department and date on every page', async () => {
    const texts = await pageTexts(pdf);
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) {
      expect(text).toContain('受控　分发号JMI/CX/13-B1-002'.replace(/\s/g, ''));
      expect(text).toContain('持有人吴建国　轮机工程学院'.replace(/\s/g, ''));
      expect(text).toContain('发放日期2026-11-24');
    }
  });

  it('has a QR code that opens its verification page on the built site, which says 现行有效', async () => {
    const { data, width, height } = await pagePixels(pdf, 1, 3);
    const code = jsQR(data, width, height);
    expect(code?.data).toBe(`${site}/verify/jmi-cx-13-b1-002/`);
    const page = await context.newPage();
    await page.goto(code!.data);
    await expect(page.locator('.verify-verdict .verdict-label').textContent()).resolves.toBe('现行有效');
    const facts = await page.locator('.verify-facts').innerText();
    expect(facts).toContain('吴建国');
    expect(facts).toContain('轮机工程学院');
    await page.getByRole('link', { name: '查看现行版本 B/1' }).click();
    expect(new URL(page.url()).pathname).toBe('/procedures/jmi-cx-13/');
    await page.close();
  });
});
