/**
 * Hostile content through the real PDF pipeline and a real browser: every frontmatter field that
 * is printed holds a value written to end its context, run script and read a local file; the body
 * links images and files from anywhere. Run with the browser this machine finds and, when
 * installed, with the npm-packaged one, whose own flags include --disable-web-security.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocumentSet } from '../../src/model/load.ts';
import { buildPdfs } from '../../src/print/build-pdfs.ts';
import { documentPdfFile, formPdfFile, wholeManualFile } from '../../src/print/pdf-paths.ts';
import { pageTexts } from '../print/pdf-reading.ts';
import { attack, hostileRoot, opening, printed, secret } from './hostile-fields.ts';
import { printBrowsers, stripSpaces, watchPage } from './print-hostile-values.ts';

/** Every PDF under a folder, by path relative to it. */
function pdfsIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf'));
}

/** URIs of every link annotation in a PDF. */
async function linkUris(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const uris: string[] = [];
  for (const page of pdf.getPages()) {
    const annots = page.node.Annots();
    for (let i = 0; annots && i < annots.size(); i++) {
      const uri = annots.lookup(i, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString);
      if (uri) uris.push(uri.decodeText());
    }
  }
  return uris;
}

/** Width × height of every image in a PDF (soft masks, which belong to an image, left out). */
async function imageSizes(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const streams = pdf.context.enumerateIndirectObjects().flatMap(([ref, o]) => (o instanceof PDFRawStream ? [{ ref, dict: o.dict }] : []));
  const masks = new Set(streams.map((s) => s.dict.get(PDFName.of('SMask'))).filter(Boolean));
  return streams
    .filter((s) => s.dict.get(PDFName.of('Subtype')) === PDFName.of('Image') && !masks.has(s.ref))
    .map((s) => `${s.dict.get(PDFName.of('Width'))}x${s.dict.get(PDFName.of('Height'))}`);
}

const browsers = await printBrowsers();

describe.each(browsers)('printing hostile content with %s', (_name, browser) => {
  const test = it.skipIf(!browser);
  let root: string;
  let out: string;
  const dialogs: string[] = [];
  const consoleMessages: string[] = [];
  const texts = new Map<string, string>();

  beforeAll(async () => {
    if (!browser) return;
    root = hostileRoot();
    out = join(root, 'dist/pdf');
    await buildPdfs({
      root,
      set: loadDocumentSet(root),
      outDir: out,
      log: () => undefined,
      cache: false,
      renderer: {
        found: browser,
        onPage: (page) => watchPage(page, dialogs, consoleMessages),
      },
    });
    for (const file of pdfsIn(out)) texts.set(file, (await pageTexts(new Uint8Array(readFileSync(join(out, file))))).join(''));
  }, 240_000);

  afterAll(() => {
    dialogs.length = 0;
  });

  test('runs no script: no dialog opened and nothing a script would append was printed', () => {
    expect(dialogs).toEqual([]);
    expect(texts.size).toBeGreaterThan(10);
    for (const [file, text] of texts) expect(text, file).not.toContain('RAN-SCRIPT');
  });

  test('prints no byte of a local file, in any PDF or console message', () => {
    for (const [file, text] of texts) expect(text, file).not.toContain(secret);
    for (const file of pdfsIn(out)) expect(readFileSync(join(out, file)).includes(secret), file).toBe(false);
    expect(consoleMessages.filter((m) => m.includes(secret))).toEqual([]);
  });

  test.each(printed)('prints the hostile $field literally as text', ({ field, pdf }) => {
    expect(texts.get(pdf)).toContain(stripSpaces(opening(field)));
  });

  test('prints the hostile title literally in the whole manual, the contents and its bookmarks', async () => {
    expect(texts.get(wholeManualFile)).toContain(stripSpaces(opening('title')));
    const book = await PDFDocument.load(readFileSync(join(out, wholeManualFile)), { updateMetadata: false });
    expect(book.getTitle()).toContain(attack('institution').slice(0, 200));
  });

  test('embeds only the image inside content/, and names the others as not printed', async () => {
    expect(await imageSizes(new Uint8Array(readFileSync(join(out, documentPdfFile('JMI/CX/13')))))).toEqual(['3x2']);
    const text = texts.get(documentPdfFile('JMI/CX/13'))!;
    // The renderer refuses what it can tell from the address (［图片未显示］); the printer what only the file system shows.
    for (const alt of ['abs', 'file', 'up', 'sym', 'dots', 'http']) expect(text).toMatch(new RegExp(`［图片未(?:打印|显示)：${alt}］`));
  });

  test('renders the hostile pages to PNG under test-output/hostile-png, for a person to look at', () => {
    if (spawnSync('pdftoppm', ['-v']).error) return; // poppler-utils not installed: nothing to look at
    const dir = join(import.meta.dirname, '../../test-output/hostile-png');
    mkdirSync(dir, { recursive: true });
    const shots: [string, string, number][] = [
      [documentPdfFile('JMI/CX/13'), 'procedure', 1],
      [documentPdfFile('JMI/CX/13'), 'procedure-images-links', 5],
      [formPdfFile('JMI/JL/13-01'), 'form', 1],
      [documentPdfFile('JMI/LC/13-01'), 'flow', 1],
      [wholeManualFile, 'manual-cover', 1],
    ];
    for (const [file, name, page] of shots) {
      const target = join(dir, `${browser!.source}-${name}`);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', join(out, file), target]);
      expect(statSync(`${target}.png`).size).toBeGreaterThan(10_000);
    }
  });

  test('carries no javascript:, file:, data: or vbscript: link annotation', async () => {
    const uris = (await Promise.all(pdfsIn(out).map((f) => linkUris(new Uint8Array(readFileSync(join(out, f))))))).flat();
    expect(uris.filter((u) => !/^(https?|mailto|tel):/i.test(u.trim()))).toEqual([]);
    expect(uris).toContain('https://example.org/');
  });
});
