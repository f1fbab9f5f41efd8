/** The base path (发布路径): normalising --base / SHOUKONG_BASE, the build script's exit code, prefixing. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { basePathOption, normalizeBase, prefixBase, rebaseHtml } from '../../src/site/build/base-path.ts';

const buildScript = fileURLToPath(new URL('../../scripts/build.ts', import.meta.url));

describe('normalizeBase', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['zlbz', '/zlbz/'],
    ['/zlbz', '/zlbz/'],
    ['/zlbz/', '/zlbz/'],
    ['zlbz/', '/zlbz/'],
    ['/a/b.c/', '/a/b.c/'],
    ['/a///b', '/a/b/'],
  ])('%j → %j', (value, base) => {
    expect(normalizeBase(value)).toBe(base);
  });

  it.each([
    ['https://www.example.edu.cn/zlbz/', '是完整网址'],
    ['//www.example.edu.cn/zlbz/', '是完整网址'],
    ['/zl bz/', '含有空格'],
    [' /zlbz/', '含有空格'],
    ['/zlbz/../x/', '含有 . 或 ..'],
    ['/zlbz?x=1', '不能用在网址路径中的字符'],
    ['C:/Program Files/Git/zlbz/', 'Git Bash'],
  ])('rejects %j with a Chinese message', (value, message) => {
    expect(() => normalizeBase(value)).toThrow(message);
  });

  it('takes --base over SHOUKONG_BASE, and names the source of a bad value', () => {
    expect(basePathOption('/zlbz/', '/elsewhere/')).toBe('/zlbz/');
    expect(basePathOption('/zlbz/', 'https://bad.example/')).toBe('/zlbz/');
    expect(basePathOption(undefined, 'zlbz')).toBe('/zlbz/');
    expect(basePathOption(undefined, undefined)).toBe('/');
    expect(() => basePathOption('https://x.example/a/', undefined)).toThrow(/^--base：/);
    expect(() => basePathOption(undefined, '/a b/')).toThrow(/^SHOUKONG_BASE：/);
  });
});

describe('npm run build with a bad base path', () => {
  it.each([
    [['--base', 'https://www.example.edu.cn/zlbz/'], {}, '--base：发布路径 "https://www.example.edu.cn/zlbz/" 是完整网址'],
    [[], { SHOUKONG_BASE: '/zlbz/../' }, 'SHOUKONG_BASE：发布路径 "/zlbz/../" 含有 . 或 ..'],
  ])('%j %j exits 2 before building', (args, env, message) => {
    const result = spawnSync(process.execPath, [buildScript, ...args], { encoding: 'utf8', env: { ...process.env, ...env, NO_COLOR: '1' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('检查');
  });
});

describe('prefixing', () => {
  it('puts root-relative paths under the base and leaves the rest', () => {
    expect(prefixBase('/zlbz/', '/')).toBe('/zlbz/');
    expect(prefixBase('/zlbz/', '/procedures/jmi-cx-13/')).toBe('/zlbz/procedures/jmi-cx-13/');
    expect(prefixBase('/zlbz/', '#revisions')).toBe('#revisions');
    expect(prefixBase('/zlbz/', '//cdn.example/x.js')).toBe('//cdn.example/x.js');
    expect(prefixBase('/zlbz/', 'https://example.com/')).toBe('https://example.com/');
    expect(prefixBase('/', '/procedures/')).toBe('/procedures/');
  });

  it('rebases the links of a rendered body, not its text or external links', () => {
    const html = '<p>见 <a href="/procedures/jmi-cx-13/" class="doc-ref">/procedures/</a>、<a href="https://example.com/">e</a>、<a href="#x">x</a></p>';
    expect(rebaseHtml('/zlbz/', html)).toBe('<p>见 <a href="/zlbz/procedures/jmi-cx-13/" class="doc-ref">/procedures/</a>、<a href="https://example.com/">e</a>、<a href="#x">x</a></p>');
    expect(rebaseHtml('/', html)).toBe(html);
  });
});
