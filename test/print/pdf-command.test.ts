import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserNotFoundError, browserSetting } from '../../src/browser/find-browser.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { buildPdfs } from '../../src/print/build-pdfs.ts';
import { pdfCommand } from '../../src/cli/pdf-command.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

const fixture = join(import.meta.dirname, 'fixtures/small-system');
const made: string[] = [];
const copy = () => {
  const root = testTempDir('shoukong-pdf-command-');
  made.push(root);
  cpSync(join(fixture, 'content'), join(root, 'content'), { recursive: true });
  return root;
};

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm run pdf', () => {
  it('stops before printing when the check finds errors, and says why', async () => {
    const root = copy();
    let out = '';
    let err = '';
    const code = await pdfCommand(['--root', root], { cwd: root, out: (t) => (out += t), err: (t) => (err += t) });
    expect(code).toBe(1);
    expect(err).toContain('error');
    expect(err).toContain('检查发现错误，未生成 PDF');
    expect(out).toBe('');
    expect(existsSync(join(root, 'dist/pdf'))).toBe(false);
  });

  it('rejects unknown options with the usage text', async () => {
    let err = '';
    const code = await pdfCommand(['--colour'], { cwd: fixture, out: () => {}, err: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toContain('用法：npm run pdf');
  });
});

describe('no browser', () => {
  it('fails with what to install, leaving no PDF folder behind', async () => {
    const root = copy();
    const before = process.env[browserSetting];
    process.env[browserSetting] = join(root, 'no-such-chrome');
    try {
      const run = buildPdfs({ root, set: loadDocumentSet(root), outDir: join(root, 'dist/pdf'), log: () => {}, cache: false });
      await expect(run).rejects.toBeInstanceOf(BrowserNotFoundError);
      await expect(run).rejects.toThrow(`${browserSetting}=${join(root, 'no-such-chrome')} 不是可执行文件`);
    } finally {
      if (before === undefined) delete process.env[browserSetting];
      else process.env[browserSetting] = before;
    }
    expect(existsSync(join(root, 'dist/pdf'))).toBe(false);
    expect(existsSync(join(root, `.cache/shoukong/pdf-out-${process.pid}`))).toBe(false);
  }, 60_000);
});
