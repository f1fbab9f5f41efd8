/** The renderer drops addresses outside the allow-list whatever the check said (site and PDFs both render through it). */
import { describe, expect, it } from 'vitest';
import { readBody } from '../../src/model/body.ts';
import { imageUrlProblem, linkUrlProblem } from '../../src/model/safe-url.ts';
import { renderBody } from '../../src/render/body-html.ts';

const render = (body: string, documentPath = 'content/procedures/jmi-cx-13.mdx') => renderBody(body, { resolve: () => undefined, documentPath }).html;

describe('the address allow-list', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'FILE:///etc/passwd',
    '//evil.example/x',
    '\\\\evil.example\\share',
    '/\\evil.example',
    'C:\\Windows\\win.ini',
  ])('refuses the link %j', (url) => {
    expect(linkUrlProblem(url)?.rule).toBe('mdx/unsafe-url');
  });

  it.each(['https://www.moe.gov.cn/', 'http://a.example/b?c#d', 'mailto:a@b.cn', 'tel:+86-510-1', '/procedures/jmi-cx-13/', '../flows/', '#第二条', '?q=1', 'a/b.html'])(
    'allows the link %j',
    (url) => expect(linkUrlProblem(url)).toBeUndefined(),
  );

  it('keeps local images inside content/, resolved from the document', () => {
    const at = 'content/procedures/jmi-cx-13.mdx';
    expect(imageUrlProblem('./章.png', at)).toBeUndefined();
    expect(imageUrlProblem('../standards/图.png', at)).toBeUndefined();
    expect(imageUrlProblem('https://a.example/logo.png', at)).toBeUndefined();
    expect(imageUrlProblem('../../x.png', at)?.rule).toBe('mdx/image-outside-content');
    expect(imageUrlProblem('%2e%2e/%2e%2e/x.png', at)?.rule).toBe('mdx/image-outside-content');
    expect(imageUrlProblem('/etc/x.png', at)?.rule).toBe('mdx/image-outside-content');
    expect(imageUrlProblem('file:///etc/x.png', at)?.rule).toBe('mdx/image-outside-content');
    expect(imageUrlProblem('data:image/png;base64,AAAA', at)?.rule).toBe('mdx/unsafe-url');
    expect(imageUrlProblem('mailto:a@b.cn', at)?.rule).toBe('mdx/unsafe-url');
  });
});

describe('renderBody', () => {
  it('turns links with unsafe addresses into their text, in every spelling', () => {
    const html = render(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](&#106;avascript&#58;alert(3)) [d](java&#x09;script:alert(4)) [e][x] [f](<vbscript:x>) [g](//evil.example/) [ok](https://a.example/)\n\n[x]: data:text/html,hi\n',
    );
    expect(html).toBe('<p>a b c d e f g <a href="https://a.example/">ok</a></p>');
  });

  it('leaves out images outside content/ and unsafe ones, keeping their description as text', () => {
    const html = render('![一](/etc/a.png) ![二](../../a.png) ![三](file:///a.png) ![四](data:image/png;base64,AA) ![](javascript:x) ![五](./ok.png)');
    expect(html).toBe('<p><span class="image-refused">［图片未显示：一］</span> <span class="image-refused">［图片未显示：二］</span> <span class="image-refused">［图片未显示：三］</span> <span class="image-refused">［图片未显示：四］</span> <span class="image-refused">［图片未显示］</span> <img src="./ok.png" alt="五"></p>');
  });

  it('without the document path, refuses any image that could leave content/', () => {
    expect(renderBody('![a](../images/a.png)', { resolve: () => undefined }).html).toBe('<p><span class="image-refused">［图片未显示：a］</span></p>');
  });

  it('renders a body nested too deep as a notice, without overflowing the stack, from text or from a tree', () => {
    const notice = '<p class="body-refused">正文嵌套过深，没有发布（见 npm run check 的 syntax/too-deep）。</p>';
    expect(render(`${'- '.repeat(1000)}x\n`)).toBe(notice);
    expect(render(`${'<sup>'.repeat(150)}x${'</sup>'.repeat(150)}\n`)).toBe(notice);
    const { facts } = readBody(`${'> '.repeat(60)}x\n`, { line: 1, column: 1 });
    expect(facts.tooDeep).toBeUndefined();
    // Quote markers need no space between them; the check refuses the line before parsing it.
    expect(readBody(`正文\n${'>'.repeat(5000)}x\n`, { line: 5, column: 1 }).facts.tooDeep?.span.start).toEqual({ line: 6, column: 101 });
    // So are long runs of emphasis or bracket characters, which the parser pairs up in quadratic time.
    expect(readBody(`甲${'*'.repeat(9000)}x${'*'.repeat(9000)}\n`, { line: 1, column: 1 }).facts.tooDeep?.span.start).toEqual({ line: 1, column: 502 });
    expect(render(`${'['.repeat(5000)}x\n`)).toBe(notice);
    // Fill-in blanks are no such run.
    expect(readBody(`签字：${'_'.repeat(300)} 日期：${'_'.repeat(300)}\n`, { line: 1, column: 1 }).facts.tooDeep).toBeUndefined();
  });
});

describe('readBody', () => {
  it('gives the span of the address itself for inline links, images, definitions and element attributes', () => {
    const body = '甲 [链接](javascript:a) ![图](/x.png)\n\n<sup><a href="vbscript:b">x</a></sup>\n\n[定义]: <file:///c>\n';
    const { facts } = readBody(body, { line: 10, column: 1 });
    expect(facts.urls.map((u) => `${u.kind} ${u.url} ${u.span.start.line}:${u.span.start.column}-${u.span.end.line}:${u.span.end.column}`)).toEqual([
      'link javascript:a 10:8-10:20',
      'image /x.png 10:27-10:33',
      'link vbscript:b 12:15-12:25',
      'link file:///c 14:8-14:17',
    ]);
  });

  it('finds no references in code when the body has a syntax error', () => {
    const { facts } = readBody('`[[JMI/XX/1]]`\n\n```\n[[JMI/YY/2]]\n```\n\n[[JMI/CX/13]] <1\n', { line: 1, column: 1 });
    expect(facts.syntaxError).toBeDefined();
    expect(facts.refs.map((r) => r.target)).toEqual(['JMI/CX/13']);
  });
});
