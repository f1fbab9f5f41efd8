import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/site/build/link-check.ts';
import { baseOfBuiltSite, pathUnderBase, serveStatic } from '../../src/site/build/static-server.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

function site(files: Record<string, string>): string {
  const dir = testTempDir('links-');
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

describe('the link checker and the server under a base', () => {
  const dir = site({
    'index.html': '<a class="brand" href="/zlbz/">home</a><a href="/zlbz/a/#here">ok</a><a href="/a/">escapes</a><form action="/zlbz/search/"></form><a href="a/">relative</a>',
    'a/index.html': '<h2 id="here">h</h2><a href="../">up</a><a href="/">root</a>',
    'search/index.html': 'search',
  });

  it('accepts links under the base and reports those that leave it', () => {
    const { broken, links } = checkLinks(dir, '/zlbz/');
    expect(links).toBe(7);
    expect(broken).toEqual([
      { page: '/zlbz/', target: '/a/', reason: '不在发布路径 /zlbz/ 之下' },
      { page: '/zlbz/a/', target: '/', reason: '不在发布路径 /zlbz/ 之下' },
    ]);
  });

  it('reads the base a site was built for from its home link', () => {
    expect(baseOfBuiltSite(dir)).toBe('/zlbz/');
    expect(baseOfBuiltSite(site({ 'index.html': '<a class="brand" href="/">home</a>' }))).toBe('/');
    expect(pathUnderBase('/zlbz/', '/zlbz')).toBe('/');
    expect(pathUnderBase('/zlbz/', '/zlbzx/')).toBeUndefined();
  });

  it('serves the site under the base, redirects / to it and answers 404 elsewhere', async () => {
    const { server, url } = await serveStatic(dir, 0, '/zlbz/');
    try {
      expect(await (await fetch(`${url}/zlbz/a/?q=1`)).text()).toContain('id="here"');
      const root = await fetch(`${url}/`, { redirect: 'manual' });
      expect([root.status, root.headers.get('location')]).toEqual([302, '/zlbz/']);
      expect((await fetch(`${url}/a/`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
