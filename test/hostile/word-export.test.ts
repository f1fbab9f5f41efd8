/**
 * Hostile content through the Word export (npm run export:docx, and the build's dist/docx/): the
 * same set as the hostile PDF test. Every value must arrive as text (escaped in the package's XML),
 * no byte of a file outside content/ may be copied in, and no part of a copy may point anywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/find-browser.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { buildDocx, documentDocxFile } from '../../src/print/build-docx.ts';
import { attack, hostileRoot, opening, secret } from './hostile-fields.ts';
import { hostilePng } from './print-hostile-values.ts';

interface ZipFile {
  async(kind: 'nodebuffer'): Promise<Buffer>;
}
const { default: JSZip } = (await import('jszip')) as unknown as { default: { loadAsync(bytes: Buffer): Promise<{ files: Record<string, ZipFile & { dir: boolean }> }> } };

/** Each part of a .docx package (word/document.xml, word/media/…), by name. */
async function partsOf(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) parts.set(name, await file.async('nodebuffer'));
  return parts;
}

/** Fields whose hostile value a Word copy shows, and the copy that shows it. */
const copied: { field: string; number: string }[] = [
  { field: 'title', number: 'JMI/CX/13' },
  { field: 'preparedBy', number: 'JMI/CX/13' },
  { field: 'reviewedBy', number: 'JMI/CX/13' },
  { field: 'approvedBy', number: 'JMI/CX/13' },
  { field: 'revisionSummary', number: 'JMI/CX/13' },
  { field: 'revisionAuthor', number: 'JMI/CX/13' },
  { field: 'recordTitle', number: 'JMI/JL/13-01' },
  { field: 'keeper', number: 'JMI/JL/13-01' },
  { field: 'fieldLabel', number: 'JMI/JL/13-01' },
  { field: 'post', number: 'JMI/LC/13-01' },
  { field: 'function', number: 'JMI/LC/13-01' },
  { field: 'scope', number: 'JMI/LC/13-01' },
  { field: 'output', number: 'JMI/LC/13-01' },
  { field: 'assessmentPoint', number: 'JMI/LC/13-01' },
];

const browser = await findBrowser().catch(() => undefined);

describe.skipIf(!browser)('Word copies of hostile content', () => {
  let out: string;
  const parts = new Map<string, Map<string, Buffer>>();
  const texts = new Map<string, string>();

  beforeAll(async () => {
    const root = hostileRoot();
    out = join(root, 'dist/docx');
    await buildDocx({ root, set: loadDocumentSet(root), outDir: out, log: () => undefined, cache: false });
    for (const file of readdirSync(out).filter((f) => f.endsWith('.docx'))) {
      const bytes = readFileSync(join(out, file));
      parts.set(file, await partsOf(bytes));
      texts.set(file, (await mammoth.extractRawText({ buffer: bytes })).value);
    }
  }, 240_000);

  it('copies no byte of a local file into any part of any copy', () => {
    expect(parts.size).toBeGreaterThan(5);
    for (const [file, package_] of parts) for (const [name, bytes] of package_) expect(bytes.includes(secret), `${file}: ${name}`).toBe(false);
  });

  it('writes every value as escaped text: no raw tag in any XML part', () => {
    for (const [file, package_] of parts) {
      for (const [name, bytes] of package_) {
        if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
        const xml = bytes.toString('utf8');
        expect(xml, `${file}: ${name}`).not.toMatch(/<(?:script|style|img|iframe|object|link)\b/i);
      }
    }
    // The institution goes into each page header, escaped.
    const header = [...parts.get(documentDocxFile('JMI/CX/13'))!].filter(([name]) => /^word\/header\d*\.xml$/.test(name)).map(([, b]) => b.toString('utf8')).join('');
    expect(header).toContain('&lt;/style&gt;&lt;/title&gt;&lt;script&gt;alert(');
  });

  it.each(copied)('shows the hostile $field literally', ({ field, number }) => {
    expect(texts.get(documentDocxFile(number))).toContain(attack(field).slice(0, opening(field).length));
  });

  it('embeds only the image inside content/, and names the others as not copied', () => {
    const media = [...parts.get(documentDocxFile('JMI/CX/13'))!].filter(([name]) => name.startsWith('word/media/'));
    expect(media.map(([, bytes]) => bytes.equals(hostilePng(3, 2)))).toEqual([true]);
    const text = texts.get(documentDocxFile('JMI/CX/13'))!;
    for (const alt of ['abs', 'file', 'up', 'sym', 'dots', 'http']) expect(text).toMatch(new RegExp(`［图片未(?:复制|显示)：${alt}］`));
  });

  it('has no hyperlink or external target but web and mail addresses', () => {
    for (const [file, package_] of parts) {
      for (const [name, bytes] of package_) {
        if (!name.endsWith('.rels')) continue;
        for (const match of bytes.toString('utf8').matchAll(/Target="([^"]*)"[^>]*TargetMode="External"/g)) expect(match[1], `${file}: ${name}`).toMatch(/^(?:https?|mailto):/);
      }
    }
  });
});
