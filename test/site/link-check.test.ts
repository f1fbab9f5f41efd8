import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/site/link-check.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'links-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('checkLinks', () => {
  it('reports a missing page, a missing fragment and a missing asset, and accepts the rest', () => {
    const dir = site({
      'index.html': '<a href="/a/">a</a><a href="/b/">b</a><a href="/a/#here">ok</a><a href="/a/#gone">x</a><img src="/x.png"><a href="https://example.com/">e</a><a href="#top" id="top">t</a>',
      'a/index.html': '<h2 id="here">h</h2><a href="../">up</a>',
    });
    const { broken, links } = checkLinks(dir);
    expect(links).toBe(7);
    expect(broken).toEqual([
      { page: '/', target: '/b/', reason: '目标文件不存在' },
      { page: '/', target: '/a/#gone', reason: '页面中没有 id="gone"' },
      { page: '/', target: '/x.png', reason: '目标文件不存在' },
    ]);
  });
});
