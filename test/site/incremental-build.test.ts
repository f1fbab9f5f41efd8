/**
 * The incremental build (src/site/build/incremental.ts): after each kind of change, the site a build
 * makes by reusing unchanged pages from the previous dist/ is byte for byte the site a full build
 * makes from nothing; and it did reuse pages, and rendered the changed ones again.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build/build-site.ts';
import { buildSet, commitAll, fixtureToday } from '../helpers/fixture-set.ts';

/** Every file under `dir` with its bytes, by path relative to it. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files.set(name, readFileSync(path));
  }
  return files;
}

/** Paths whose bytes differ between two trees (or that only one has). */
function differing(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((path) => !a.get(path)?.equals(b.get(path) ?? Buffer.alloc(0)) || !b.has(path)).sort();
}

describe('incremental build', { timeout: 600_000 }, () => {
  let root: string;
  const outDir = () => join(root, 'dist');
  const build = async (out: string) => {
    const lines: string[] = [];
    const result = await buildSite({ contentRoot: root, outDir: out, today: fixtureToday, pdf: false, search: false, log: (l) => lines.push(l) });
    if (result.exitCode !== 0) throw new Error(lines.join('\n'));
    return result;
  };
  const edit = (path: string, change: (text: string) => string) => writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));
  let commits = 0;
  const commit = () => commitAll(root, `改动 ${++commits}`, `2025-05-${String(10 + commits).padStart(2, '0')}T09:00:00+08:00`);

  /** Builds dist/ incrementally and a fresh site in full/, and returns what the incremental build rendered. */
  async function incrementalEqualsFull(mode: 'incremental' | 'bodies' = 'incremental'): Promise<{ before: Map<string, Buffer>; after: Map<string, Buffer> }> {
    const before = tree(outDir());
    const incremental = await build(outDir());
    expect(incremental.mode).toBe(mode);
    const full = await build(join(root, 'full'));
    expect(full.mode).toBe('full');
    const after = tree(outDir());
    expect(differing(after, tree(join(root, 'full')))).toEqual([]);
    rmSync(join(root, 'full'), { recursive: true, force: true });
    rmSync(join(root, 'full.previous'), { recursive: true, force: true });
    return { before, after };
  }
  const changedPages = (r: { before: Map<string, Buffer>; after: Map<string, Buffer> }) => differing(r.before, r.after).filter((p) => p.endsWith('index.html'));

  beforeAll(async () => {
    root = buildSet();
    commitAll(root, '基线', '2025-05-01T09:00:00+08:00');
    expect((await build(outDir())).mode).toBe('full');
  });

  it('a committed body edit: the same site as a full build; the document and its history page are new', async () => {
    edit('content/regulations/jmi-zd-13-01.mdx', (t) => `${t}\n本段为增量构建测试加入的说明。\n`);
    commit();
    const result = await incrementalEqualsFull();
    expect(result.after.get('regulations/jmi-zd-13-01/index.html')!.toString()).toContain('本段为增量构建测试加入的说明。');
    expect(changedPages(result)).toEqual(expect.arrayContaining(['regulations/jmi-zd-13-01/index.html', 'history/jmi-zd-13-01/index.html']));
    // An unrelated document's page is the very file of the previous site (a hard link, not rendered again).
    expect(changedPages(result)).not.toContain('standards/jmi-bz-1-01/index.html');
  });

  it('a title edit: every page that shows the title follows', async () => {
    edit('content/regulations/jmi-zd-13-01.mdx', (t) => t.replace('title: 文件管理办法', 'title: 文件与档案管理办法'));
    commit();
    const result = await incrementalEqualsFull();
    // The procedure lists the regulation in its relations panel.
    expect(result.after.get('procedures/jmi-cx-13/index.html')!.toString()).toContain('文件与档案管理办法');
    expect(changedPages(result)).toContain('procedures/jmi-cx-13/index.html');
  });

  it('a new relation: the cited document shows the document citing it', async () => {
    edit('content/regulations/jmi-zd-13-01.mdx', (t) => `${t}\n达到 [[JMI/BZ/1-01]] 的要求。\n`);
    commit();
    const result = await incrementalEqualsFull();
    expect(changedPages(result)).toEqual(expect.arrayContaining(['regulations/jmi-zd-13-01/index.html', 'standards/jmi-bz-1-01/index.html']));
  });

  it('a new document, then the same document removed', async () => {
    const added = 'content/regulations/jmi-zd-13-02.mdx';
    writeFileSync(join(root, added), readFileSync(join(root, 'content/regulations/jmi-zd-13-01.mdx'), 'utf8').replace('JMI/ZD/13-01', 'JMI/ZD/13-02').replace(/title: .*/, 'title: 档案借阅办法').replace(/\n[^\n]*\[\[JMI\/BZ\/1-01\]\][^\n]*/, ''));
    const cite = (list: string) => edit('content/procedures/jmi-cx-13.mdx', (t) => t.replace(/regulations: \[.*\]/, `regulations: [${list}]`));
    cite('JMI/ZD/13-01, JMI/ZD/13-02');
    commit();
    const addedSite = await incrementalEqualsFull();
    expect(addedSite.after.has('regulations/jmi-zd-13-02/index.html')).toBe(true);
    rmSync(join(root, added));
    cite('JMI/ZD/13-01');
    commit();
    const removedSite = await incrementalEqualsFull();
    expect(removedSite.after.has('regulations/jmi-zd-13-02/index.html')).toBe(false);
    expect(removedSite.after.has('history/jmi-zd-13-02/index.html')).toBe(false);
  });

  it('an uncommitted edit to bodies only: Astro does not run, the pages get their new bodies and contents', async () => {
    edit('content/procedures/jmi-cx-13.mdx', (t) => `${t}\n## 3 附则\n\n尚未提交的一段。\n`);
    edit('content/regulations/jmi-zd-13-01.mdx', (t) => t.replace('本段为增量构建测试加入的说明。', '本段为增量构建测试改写的说明。'));
    const result = await incrementalEqualsFull('bodies');
    expect(changedPages(result)).toEqual(['procedures/jmi-cx-13/index.html', 'regulations/jmi-zd-13-01/index.html']);
    expect(result.after.get('procedures/jmi-cx-13/index.html')!.toString()).toMatch(/<li><a href="#[^"]+">3 附则<\/a><\/li><\/ol><\/section><!--\/shoukong:toc-->/);
    commit();
    await incrementalEqualsFull();
  });

  it('an uncommitted edit that adds a reference is not a body-only change', async () => {
    edit('content/procedures/jmi-cx-13.mdx', (t) => t.replace('尚未提交的一段。', '尚未提交的一段，见 [[JMI/BZ/1-01]]。'));
    await incrementalEqualsFull('incremental');
    commit();
  });

  it('renders every page when dist/ is not the site the keys describe', async () => {
    renameSync(outDir(), join(root, 'elsewhere'));
    execFileSync('cp', ['-a', join(root, 'elsewhere'), outDir()]);
    const result = await build(outDir());
    expect(result.mode).toBe('full');
  });
});
