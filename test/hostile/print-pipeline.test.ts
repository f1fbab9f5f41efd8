/**
 * Hostile content through the real PDF pipeline and a real browser: every frontmatter field that
 * is printed holds a value written to end its context, run script and read a local file; the body
 * links images and files from anywhere. Run with the browser this machine finds and, when
 * installed, with the npm-packaged one, whose own flags include --disable-web-security.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { loadDocumentSet } from '../../src/model/load.ts';
import { buildPdfs } from '../../src/print/build-pdfs.ts';
import { documentPdfFile, formPdfFile, wholeManualFile } from '../../src/print/pdf-paths.ts';
import { testTempDir } from '../helpers/temp-dir.ts';
import { pageTexts } from '../print/pdf-reading.ts';
import { hostilePng, printBrowsers, stripSpaces, watchPage } from './print-hostile-values.ts';

const fixture = join(import.meta.dirname, '../print/fixtures/small-system/content');
/** What the secret files hold; it must never appear in a PDF. */
const secret = `SECRET-${randomUUID()}`;
const outside = testTempDir('shoukong-hostile-outside-');
const secretFile = join(outside, 'secret.txt');

/** How a hostile value starts: it ends attribute, style and title contexts and calls alert (short enough to print on one line). */
function opening(field: string): string {
  return `${field}"'</style></title><script>alert('${field}')</script>`;
}

/** A value for one field: `opening`, then every way to read the secret a page might have. */
function attack(field: string): string {
  const url = `file://${secretFile}`;
  return (
    `${opening(field)}<img src=x onerror="alert('${field}')">` +
    `<link rel=stylesheet href="${url}"><iframe src="${url}"></iframe><object data="${url}"></object>` +
    `<style>@import url("${url}");body{background:url("${url}")}</style>` +
    `<script>fetch('${url}').then(r=>r.text()).then(t=>document.body.append(t));var x=new XMLHttpRequest();x.open('GET','${url}',false);x.send();document.body.append(x.responseText,'RAN'+'-SCRIPT')</script>`
  );
}

/** Rewrites the frontmatter of a fixture file. */
function editFrontmatter(root: string, path: string, edit: (data: Record<string, unknown>) => void): void {
  const file = join(root, path);
  const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(file, 'utf8'))!;
  const data = YAML.parse(yaml!) as Record<string, unknown>;
  edit(data);
  writeFileSync(file, `---\n${YAML.stringify(data, { lineWidth: 0 })}---\n${body}`);
}

/**
 * Where each hostile value is printed: the field, the PDF it must appear in literally. (The
 * revision's version is hostile too, but its column is cut to its width, so only part is printed.)
 */
const printed: { field: string; pdf: string }[] = [
  { field: 'title', pdf: documentPdfFile('JMI/CX/13') },
  { field: 'institution', pdf: wholeManualFile },
  { field: 'department', pdf: documentPdfFile('JMI/CX/13') },
  { field: 'preparedBy', pdf: documentPdfFile('JMI/CX/13') },
  { field: 'reviewedBy', pdf: documentPdfFile('JMI/CX/13') },
  { field: 'approvedBy', pdf: documentPdfFile('JMI/CX/13') },
  { field: 'revisionSummary', pdf: documentPdfFile('JMI/CX/13') },
  { field: 'revisionAuthor', pdf: documentPdfFile('JMI/CX/13') },
  { field: 'recordTitle', pdf: formPdfFile('JMI/JL/13-01') },
  { field: 'keeper', pdf: documentPdfFile('JMI/JL/13-01') },
  { field: 'fieldLabel', pdf: formPdfFile('JMI/JL/13-01') },
  { field: 'fieldNote', pdf: formPdfFile('JMI/JL/13-01') },
  { field: 'fieldOption', pdf: formPdfFile('JMI/JL/13-01') },
  { field: 'columnLabel', pdf: formPdfFile('JMI/JL/13-01') },
  { field: 'post', pdf: documentPdfFile('JMI/LC/13-01') },
  { field: 'function', pdf: documentPdfFile('JMI/LC/13-01') },
  { field: 'scope', pdf: documentPdfFile('JMI/LC/13-01') },
  { field: 'input', pdf: documentPdfFile('JMI/LC/13-01') },
  { field: 'output', pdf: documentPdfFile('JMI/LC/13-01') },
  { field: 'assessmentPoint', pdf: documentPdfFile('JMI/LC/13-01') },
];

/** Builds the hostile document set into a new folder and returns its root. */
function hostileRoot(): string {
  const root = testTempDir('shoukong-hostile-print-');
  cpSync(fixture, join(root, 'content'), { recursive: true });
  writeFileSync(secretFile, secret);
  writeFileSync(join(root, 'secret.txt'), secret); // inside the repository, outside content/
  writeFileSync(join(outside, 'leak.png'), hostilePng(5, 5));
  mkdirSync(join(root, 'content/images'));
  writeFileSync(join(root, 'content/images/ok.png'), hostilePng(3, 2));
  symlinkSync(join(outside, 'leak.png'), join(root, 'content/images/escape.png'));

  const org = join(root, 'content/org/organization.yaml');
  writeFileSync(
    org,
    readFileSync(org, 'utf8')
      .replace('name: 江苏海事职业技术学院（示例）', `name: ${JSON.stringify(attack('institution'))}`)
      .replace('name: 质量管理与教学督导办公室,', `name: ${JSON.stringify(attack('department'))},`),
  );
  editFrontmatter(root, 'content/procedures/jmi-cx-13.mdx', (d) => {
    Object.assign(d, { title: attack('title'), preparedBy: attack('preparedBy'), reviewedBy: attack('reviewedBy'), approvedBy: attack('approvedBy') });
    (d.revisions as Record<string, string>[])[0] = { version: attack('revisionVersion'), date: '2019-09-01', summary: attack('revisionSummary'), author: attack('revisionAuthor') };
  });
  const procedure = join(root, 'content/procedures/jmi-cx-13.mdx');
  writeFileSync(
    procedure,
    `${readFileSync(procedure, 'utf8')}
## 图片与链接

![ok](../images/ok.png) ![abs](${outside}/leak.png) ![file](file://${outside}/leak.png) ![up](../../secret.txt)
![sym](../images/escape.png) ![dots](../images/../../../${relative(root, outside)}/leak.png) ![http](http://127.0.0.1:9/x.png)

[js](javascript:alert(1)) [js2](JaVa&#x53;cript:alert(2)) [file](file://${secretFile}) [data](data:text/html,x) [vb](vbscript:x) [web](https://example.org/)
`,
  );
  editFrontmatter(root, 'content/records/jmi-jl-13-01.mdx', (d) => {
    Object.assign(d, { title: attack('recordTitle'), keeper: attack('keeper') });
    const fields = d.fields as Record<string, unknown>[];
    Object.assign(fields[0]!, { label: attack('fieldLabel'), note: attack('fieldNote') });
    (fields[2]!.options as string[])[0] = attack('fieldOption');
    (fields.find((f) => f.kind === 'table')!.columns as Record<string, string>[])[0]!.label = attack('columnLabel');
  });
  editFrontmatter(root, 'content/flows/jmi-lc-13-01.mdx', (d) => {
    Object.assign(d, { post: attack('post'), function: attack('function'), scope: attack('scope') });
    (d.inputs as string[])[1] = attack('input');
    (d.outputs as string[])[0] = attack('output');
    (d.assessmentPoints as string[])[0] = attack('assessmentPoint');
  });
  return root;
}

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
