/** Each escaping function of print pages against values written to end its context. */
import { describe, expect, it } from 'vitest';
import { cssString, escapeAttribute, escapeHtml, pdfMetadataText, pdfTextLimit } from '../../src/print/html.ts';
import { pdfText } from '../../src/print/pdf-info.ts';
import { fitText } from '../../src/print/print-css.ts';

const breakout = `x</style><script>alert(1)</script><style>"';\\`;

describe('escapeHtml (element content)', () => {
  it('writes no tag, entity or quote of its own', () => {
    expect(escapeHtml(breakout)).toBe('x&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;style&gt;&quot;&#39;;\\');
    expect(escapeHtml('a&amp;b')).toBe('a&amp;amp;b');
  });
  it('replaces control characters, keeps CJK and newlines', () => {
    expect(escapeHtml('文件\u0000控制\u001b\n')).toBe('文件\ufffd控制\ufffd\n');
  });
});

describe('escapeAttribute (double-quoted attribute value)', () => {
  it('cannot close the quote or start another attribute', () => {
    expect(escapeAttribute('" onload="alert(1)')).toBe('&quot; onload&#61;&quot;alert(1)');
    expect(escapeAttribute("`x' y")).toBe('&#96;x&#39; y');
  });
});

describe('cssString (CSS string in a <style> element)', () => {
  it('hex-escapes every character that could end the string, the rule or the element', () => {
    const css = cssString(breakout);
    expect(css).toBe('"x\\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e \\3c style\\3e \\22 \\27 ;\\5c "');
    for (const bad of ['<', '>', '&', '\n']) expect(css).not.toContain(bad);
    expect(css.slice(1, -1)).not.toMatch(/"/);
    expect(css.toLowerCase()).not.toContain('</style');
  });
  it('keeps CJK and full-width text literal, and prints line breaks as one space', () => {
    expect(cssString('JMI/CX/13　文件与资料控制')).toBe('"JMI/CX/13　文件与资料控制"');
    expect(cssString('一\r\n二\u2028三')).toBe('"一 二 三"');
  });
  it('leaves CSS syntax that is inert inside a string as it is', () => {
    expect(cssString('*/ } @import url(file:///etc/passwd)')).toBe('"*/ } @import url(file:///etc/passwd)"');
  });
});

describe('pdfMetadataText (PDF information fields and bookmarks)', () => {
  it('makes one line without controls or lone surrogates, and caps the length', () => {
    expect(pdfMetadataText(' 标题\n第二行\u0007\ud800x ')).toBe('标题 第二行\ufffdx');
    expect(pdfMetadataText('😀')).toBe('😀');
    expect([...pdfMetadataText('长'.repeat(5000))]).toHaveLength(pdfTextLimit);
  });
  it('is written as a UTF-16 hex string, which no value can end early', () => {
    expect(pdfText('a)>> /JS (app.alert(1))')).toMatch(/^<FEFF[0-9A-F]+>$/);
  });
});

describe('fitText (margin box texts, which Chromium does not clip)', () => {
  it('keeps a text that fits, and cuts a longer one with …, counting CJK as two columns', () => {
    expect(fitText('JMI/LC/08-2-01　学籍异动（休学、复学、退学）办理流程', 64)).toBe('JMI/LC/08-2-01　学籍异动（休学、复学、退学）办理流程');
    expect(fitText('学校</style>'.repeat(10), 12)).toBe('学校</style>…');
    expect(fitText('一二三四五六', 7)).toBe('一二三…');
  });
});
