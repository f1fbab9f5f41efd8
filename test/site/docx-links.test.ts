/** The built site holds a Word copy of each current document, linked from its page next to the PDF. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from './built-site.ts';

let dist: string;
beforeAll(async () => {
  dist = await builtSite();
});

describe('Word copies on the site', () => {
  it('links the .docx next to the PDF on a current document page, and the file is that document', async () => {
    const page = readFileSync(join(dist, 'procedures/jmi-cx-13/index.html'), 'utf8');
    expect(page).toMatch(/<a href="\/pdf\/jmi-cx-13\.pdf" download>下载 PDF（受控打印版）<\/a>\s*<a href="\/docx\/jmi-cx-13\.docx" download>下载 Word 版（\.docx）<\/a>/);
    const html = (await mammoth.convertToHtml({ path: join(dist, 'docx/jmi-cx-13.docx') })).value;
    expect(html).toContain('<p>程序文件</p><p><strong>文件与资料控制</strong></p>');
    expect(html).toContain('<td><p>JMI/CX/13</p></td>');
  });

  it('has no Word copy of an obsolete document', () => {
    const page = readFileSync(join(dist, 'regulations/jmi-zd-13-01/index.html'), 'utf8');
    expect(page).toContain('/pdf/jmi-zd-13-01.pdf');
    expect(page).not.toContain('.docx');
    expect(existsSync(join(dist, 'docx/jmi-zd-13-01.docx'))).toBe(false);
  });
});
