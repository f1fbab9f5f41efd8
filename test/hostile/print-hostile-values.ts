/** Helpers of the hostile print tests: a tiny valid image, text as pdfjs extracts it, the browsers and what their pages do. */
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { findBrowser, packagedBrowser, type FoundBrowser } from '../../src/browser/find-browser.ts';

/** A grey RGB PNG of the given size (no alpha, so a PDF holds it as one image). */
export function hostilePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** Text without white space, as pageTexts (test/print/pdf-reading.ts) returns it. */
export function stripSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * The browsers the hostile print tests run with: the one this machine finds and the npm-packaged
 * one with its own flags (which include --disable-web-security); on a fresh CI machine both are
 * the packaged one. Undefined where there is none.
 */
export async function printBrowsers(): Promise<[string, FoundBrowser | undefined][]> {
  return [
    ['the browser found on this machine', await findBrowser().catch(() => undefined)],
    ['the npm-packaged browser with its own flags', await packagedBrowser()],
  ];
}

/** Records every dialog a page opens (dismissing it) and every console message it writes. */
export function watchPage(page: Page, dialogs: string[], consoleMessages: string[] = []): void {
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => consoleMessages.push(message.text()));
}
