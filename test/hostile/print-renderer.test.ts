/**
 * The print browser's own locks, each without the others' help: a page with no CSP of its own
 * (as if escaping had failed) tries to run script and to load local files and network resources.
 * Run with the browser found here and with the npm-packaged one, whose own flags include
 * --disable-web-security.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeFlags } from '../../src/browser/launch.ts';
import { documentHtml } from '../../src/print/document-html.ts';
import { cspMeta, fontUrl, printCsp, printHostUrl, printOrigin } from '../../src/print/lockdown.ts';
import { printFontFiles, printFonts } from '../../src/print/fonts.ts';
import { printRequestAnswer, startRenderer, type PdfRenderer } from '../../src/print/pdf-renderer.ts';
import { testTempDir } from '../helpers/temp-dir.ts';
import { printBrowsers, watchPage } from './print-hostile-values.ts';
import { pageTexts } from '../print/pdf-reading.ts';

const secret = `SECRET-${randomUUID()}`;
const dir = testTempDir('shoukong-hostile-renderer-');
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return `file://${join(dir, name)}`;
};
const text = file('secret.txt', secret);
// Stylesheets that, if loaded, would print the secret.
const css = file('secret.css', `body::after{content:"${secret}"}`);
const imported = file('imported.css', `body::before{content:"${secret}"}`);

let server: Server;
const serverHits: string[] = [];
let web = '';
/** A host that cannot exist: only the interception could answer for it. */
const remote = 'https://attacker.invalid';

beforeAll(async () => {
  server = createServer((request, response) => {
    serverHits.push(request.url ?? '');
    response.setHeader('content-type', 'text/css');
    response.end(`body::after{content:"${secret}"}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  web = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A page with no policy of its own that tries everything. */
function hostilePage(): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${css}"><link rel="stylesheet" href="${web}/link.css"><link rel="stylesheet" href="${remote}/link.css">
<style>@import url("${imported}"); @import url("${web}/import.css"); @import url("${remote}/import.css");
@font-face{font-family:x;src:url("${text}")} p{font-family:x}
div{background:url("${web}/background.png")}</style></head><body>
<p>START</p><noscript>NOSCRIPT-SHOWN</noscript>
<script>alert('script');document.write('RAN' + '-SCRIPT');var x=new XMLHttpRequest();x.open('GET','${text}',false);x.send();document.write(x.responseText)</script>
<img src="x" onerror="alert('onerror')"><img src="${text}"><img src="${web}/img.png"><img src="${remote}/img.png">
<iframe src="${text}"></iframe><iframe srcdoc="<script>parent.alert('srcdoc')</script>"></iframe>
<object data="${text}" type="text/plain"></object><embed src="${text}" type="text/plain">
<svg width="10" height="10"><image href="${text}"/><image href="${web}/svg.png"/></svg>
<div>END</div></body></html>`;
}

const browsers = await printBrowsers();

describe.each(browsers)('the print browser (%s)', (_name, browser) => {
  const test = it.skipIf(!browser);
  let renderer: PdfRenderer;
  const dialogs: string[] = [];
  const blocked: string[] = [];
  let printed = '';

  beforeAll(async () => {
    if (!browser) return;
    renderer = await startRenderer({
      found: browser,
      onBlocked: (url) => blocked.push(url),
      onPage: (page) => watchPage(page, dialogs),
    });
    printed = (await pageTexts(await renderer.render(hostilePage()))).join('');
  }, 120_000);

  afterAll(async () => {
    await renderer?.close();
  });

  test('runs no script, and shows what pages without script show', () => {
    expect(printed).toContain('START');
    expect(printed).toContain('END');
    expect(printed).toContain('NOSCRIPT-SHOWN');
    expect(printed).not.toContain('RAN-SCRIPT');
    expect(dialogs).toEqual([]);
  });

  test('reads no local file: not by stylesheet, @import, font, image, frame, object or XHR', () => {
    expect(printed).not.toContain(secret);
  });

  test('sends no request anywhere: the policy of the host page stops them before the interception', () => {
    expect(serverHits).toEqual([]);
    expect(blocked).toEqual([]);
  });

  test('never leaves the print origin by a refresh or a link', async () => {
    const pdf = await renderer.render(`<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${text}"><p>STAYED</p>`);
    const again = (await pageTexts(pdf)).join('');
    expect(again).toContain('STAYED');
    expect(again).not.toContain(secret);
  });
});

describe('the interception', () => {
  const fonts = printFontFiles(printFonts());
  const [someFont, someFile] = [...fonts][0]!;

  it('answers the host page when navigated to, and each listed font by its exact URL', () => {
    expect(printRequestAnswer(printHostUrl, true, fonts)).toEqual({ kind: 'host' });
    expect(printRequestAnswer(someFont, false, fonts)).toEqual({ kind: 'font', file: someFile });
    expect(fonts.size).toBeGreaterThan(4);
    for (const file of fonts.values()) expect(file).toMatch(/node_modules\/@fontsource\/noto-(sans|serif)-sc\/files\/[^/]+\.woff2$/);
  });

  it.each([
    [printHostUrl, false],
    [`${printOrigin}/`, true],
    [`${printOrigin}/fonts/../../etc/passwd`, false],
    [fontUrl('../../../etc/passwd'), false],
    [`${someFont}?x`, false],
    ['file:///etc/passwd', false],
    ['file:///etc/passwd', true],
    ['https://attacker.invalid/x.css', false],
    ['http://127.0.0.1:1/', true],
    ['data:text/html,x', true],
  ])('refuses %s (navigation: %s)', (url, navigation) => {
    expect(printRequestAnswer(url, navigation, fonts)).toEqual({ kind: 'refuse' });
  });
});

describe('browser flags', () => {
  it('drops the flags that lift web security or grant file access, by name', () => {
    expect(
      safeFlags(['--no-sandbox', '--disable-web-security', '--allow-file-access-from-files', '--ALLOW-FILE-ACCESS', '--allow-running-insecure-content', '--user-data-dir=/tmp/x', '--disable-site-isolation-trials', '--single-process']),
    ).toEqual(['--no-sandbox', '--single-process']);
  });
});

describe('print page policy', () => {
  it('allows inline styles, the print origin fonts and data: images, nothing else', () => {
    expect(printCsp).toContain("default-src 'none'");
    expect(printCsp).toContain("script-src 'none'");
    expect(printCsp).toContain("img-src data:;");
    expect(printCsp).not.toMatch(/file:|\*|'unsafe-eval'/);
  });

  it('comes first in the head of every print page, before anything taken from content', async () => {
    const { loadDocumentSet } = await import('../../src/model/load.ts');
    const { printSetup } = await import('../../src/print/build-pdfs.ts');
    const root = join(import.meta.dirname, '../print/fixtures/small-system');
    const set = loadDocumentSet(root);
    const { ctx } = printSetup(root, set);
    const doc = set.documents.find((d) => d.data.number === 'JMI/CX/13')!;
    const html = documentHtml(doc as Parameters<typeof documentHtml>[0], ctx);
    expect(html.indexOf(cspMeta)).toBeGreaterThan(0);
    expect(html.indexOf(cspMeta)).toBeLessThan(html.indexOf('<title>'));
    expect(html).not.toContain('file://');
  });
});
