/** Helpers of the hostile print tests: a tiny valid image, text as pdfjs extracts it, the browsers and what their pages do. */
import type { Page } from 'playwright-core';
import { solidPng } from '../../scripts/lib/png.ts';
import { findBrowser, packagedBrowser, type FoundBrowser } from '../../src/browser/find-browser.ts';

/** A grey RGB PNG of the given size (no alpha, so a PDF holds it as one image). */
export function hostilePng(width: number, height: number): Buffer {
  return solidPng(width, height, [0x80, 0x80, 0x80]);
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
