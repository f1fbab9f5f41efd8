/** What a body may bring into a PDF: images only from inside content/, links only to the web, mail and phone. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentImage, imageSizeLimit, printableBody, printableLink } from '../../src/print/print-body.ts';
import { testTempDir } from '../helpers/temp-dir.ts';
import { hostilePng } from './print-hostile-values.ts';

let root: string;
let outside: string;
const doc = 'content/procedures/jmi-cx-13.mdx';

beforeAll(() => {
  root = testTempDir('shoukong-hostile-images-');
  outside = testTempDir('shoukong-hostile-images-outside-');
  mkdirSync(join(root, 'content/procedures/img'), { recursive: true });
  mkdirSync(join(root, 'content/images'));
  writeFileSync(join(root, 'content/procedures/img/a b.png'), hostilePng(2, 2));
  writeFileSync(join(root, 'content/images/shared.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'content/images/big.png'), Buffer.alloc(imageSizeLimit + 1));
  writeFileSync(join(root, 'content/images/notes.txt'), 'text');
  writeFileSync(join(root, 'secret.png'), hostilePng(1, 1)); // in the repository, outside content/
  writeFileSync(join(outside, 'leak.png'), hostilePng(1, 1));
  symlinkSync(join(outside, 'leak.png'), join(root, 'content/images/link.png'));
  symlinkSync(outside, join(root, 'content/images/out'));
  symlinkSync(join(root, 'content/procedures/img/a b.png'), join(root, 'content/images/inside.png'));
});

describe('contentImage', () => {
  it.each([
    ['img/a b.png', 'image/png'],
    ['img/a%20b.png?v=2#x', 'image/png'],
    ['./img/../img/a b.png', 'image/png'],
    ['../images/shared.svg', 'image/svg+xml'],
    ['../images/inside.png', 'image/png'], // a link that stays inside content/
  ])('embeds %s, relative to the document folder', (src, type) => {
    expect(contentImage(root, doc, src)?.dataUrl).toMatch(new RegExp(`^data:${type.replace('+', '\\+')};base64,[A-Za-z0-9+/]+=*$`));
  });

  it.each([
    ['absolute path', () => join(outside, 'leak.png')],
    ['site path', () => '/images/shared.svg'],
    ['file URL', () => `file://${join(outside, 'leak.png')}`],
    ['file URL in capitals', () => `FILE://${join(outside, 'leak.png')}`],
    ['web URL', () => 'https://example.org/a.png'],
    ['protocol-relative URL', () => '//example.org/a.png'],
    ['data URL', () => 'data:image/png;base64,AAAA'],
    ['backslash path', () => '\\\\server\\share\\a.png'],
    ['up out of content/', () => '../../secret.png'],
    ['encoded dots', () => '%2e%2e/%2e%2e/secret.png'],
    ['symlink to a file outside', () => '../images/link.png'],
    ['symlinked folder outside', () => '../images/out/leak.png'],
    ['too large', () => '../images/big.png'],
    ['not an image', () => '../images/notes.txt'],
    ['missing', () => 'img/missing.png'],
    ['NUL byte', () => 'img/a b.png%00.png'],
    ['bad escape', () => 'img/%E0%A4%A.png'],
  ])('refuses a %s', (_what, src) => {
    expect(contentImage(root, doc, src())).toBeUndefined();
  });
});

describe('printableLink', () => {
  it.each(['https://example.org/', 'HTTP://example.org', 'mailto:zgb@example.edu.cn', 'tel:+86-513', '#section'])('keeps %s', (href) => expect(printableLink(href)).toBe(true));
  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' java\tscript:alert(1)', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', 'shoukong-ref:JMI', '/procedures/x/', 'x.pdf'])('drops %s', (href) =>
    expect(printableLink(href)).toBe(false),
  );
});

describe('printableBody', () => {
  it('embeds allowed images, names the others, and strips link targets that are not web, mail or phone', () => {
    const html =
      '<p><img src="ok.png" alt="a &#x22;q&#x22; > b"> <img src="/etc/x.png" alt="<s>"> <img src="y.png"></p>' +
      '<p><a href="JaVaScript:alert(1)" title="t">js</a> <a href="https://example.org/?a=1&#x26;b=2">web</a> <a href="shoukong-ref:JMI/CX/13" class="doc-ref" title="x > y">ref</a></p>';
    expect(printableBody(html, (src) => (src === 'ok.png' ? 'data:image/png;base64,AA==' : undefined))).toBe(
      '<p><img src="data:image/png;base64,AA&#61;&#61;" alt="a &quot;q&quot; &gt; b"> <span class="image-omitted">［图片未打印：&lt;s&gt;］</span> <span class="image-omitted">［图片未打印］</span></p>' +
        '<p><a title="t">js</a> <a href="https://example.org/?a=1&#x26;b=2">web</a> <a href="shoukong-ref:JMI/CX/13" class="doc-ref" title="x > y">ref</a></p>',
    );
  });
});

describe('linksAsText', () => {
  it('turns a cross-reference into text even when its title attribute holds > and tags', async () => {
    const { linksAsText } = await import('../../src/print/print-context.ts');
    const html = '<a href="shoukong-ref:JMI/JL/13-01" class="doc-ref" title="x&#x22;</style><script>alert(1)</script>">JMI/JL/13-01《x"&#x3C;/style></a>';
    expect(linksAsText(html)).toBe('<span class="doc-ref">JMI/JL/13-01《x"&#x3C;/style></span>');
  });
});
