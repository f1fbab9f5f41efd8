/** npm run build stops before touching dist/ when the check or a flowchart fails. */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build/build-site.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

const base = join(import.meta.dirname, '../fixtures/base');
const flow = 'content/flows/jmi-lc-13-01.mdx';

/** The base fixture set with `edit` applied to the flow, and an outDir holding a previous build. */
function setUp(edit: (text: string) => string): { root: string; outDir: string } {
  const root = testTempDir('build-gate-');
  cpSync(base, root, { recursive: true });
  writeFileSync(join(root, flow), edit(readFileSync(join(root, flow), 'utf8')));
  const outDir = join(root, 'dist');
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'index.html'), 'previous build');
  return { root, outDir };
}

describe('build gate', () => {
  it('prints the check errors and leaves the previous dist/ as it was', async () => {
    const { root, outDir } = setUp((text) => text.replace('## ', '见 [[JMI/CX/99]]。\n\n## '));
    const lines: string[] = [];
    const result = await buildSite({ contentRoot: root, outDir, today: '2025-06-01', pdf: false, log: (l) => lines.push(l) });
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ file: flow, ruleId: 'ref/unknown-target' });
    expect(lines.join('\n')).toContain('JMI/CX/99');
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('previous build');
    expect(existsSync(`${outDir}.building-${process.pid}`)).toBe(false);
  });

  it('reports a flowchart mermaid cannot parse at its line in the file', { timeout: 60_000 }, async () => {
    const { root, outDir } = setUp((text) => text.replace('  A["填写申请表"] --> B["审核"]', '  A["填写申请表"] --> B["审核"]\n  B --> C["发布'));
    const result = await buildSite({ contentRoot: root, outDir, today: '2025-06-01', pdf: false, log: () => {} });
    expect(result.exitCode).toBe(1);
    const lines = readFileSync(join(root, flow), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('C["发布')) + 1;
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: flow, ruleId: 'flow/mermaid-syntax', severity: 'error', span: { start: { line, column: 3 }, end: { line, column: lines[line - 1]!.length + 1 } } }),
    ]);
    expect(result.diagnostics[0]!.message).toMatch(/^流程图无法解析：Parse error/);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('previous build');
  });

  it('swaps the new site in whole, keeps the replaced one in dist.previous/, and the next build removes that', { timeout: 120_000 }, async () => {
    const { root, outDir } = setUp((text) => text);
    const build = () => buildSite({ contentRoot: root, outDir, today: '2025-06-01', pdf: false, search: false, log: () => {} });
    expect((await build()).exitCode).toBe(0);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('受控文件');
    expect(readFileSync(join(`${outDir}.previous`, 'index.html'), 'utf8')).toBe('previous build');
    // A field the pages show changed: pages are rendered again into a new site, swapped in whole.
    writeFileSync(join(root, flow), readFileSync(join(root, flow), 'utf8').replace('post: 文件联络员', 'post: 部门文件联络员'));
    expect(await build()).toMatchObject({ exitCode: 0, mode: 'incremental' });
    expect(readFileSync(join(`${outDir}.previous`, 'index.html'), 'utf8')).toContain('受控文件');
    expect(readdirSync(root).filter((name) => name.startsWith('dist')).sort()).toEqual(['dist', 'dist.previous']);
  });

  it('with nothing changed, or bodies only, updates the site in place: the untouched files stay the very same', { timeout: 120_000 }, async () => {
    const { root, outDir } = setUp((text) => text);
    const build = () => buildSite({ contentRoot: root, outDir, today: '2025-06-01', pdf: false, log: () => {} });
    expect((await build()).exitCode).toBe(0);
    const home = statSync(join(outDir, 'index.html')).ino;
    const page = join(outDir, 'flows/jmi-lc-13-01/index.html');
    const before = readFileSync(page, 'utf8');
    expect(await build()).toMatchObject({ exitCode: 0, mode: 'bodies' });
    expect(readFileSync(page, 'utf8')).toBe(before);
    writeFileSync(join(root, flow), `${readFileSync(join(root, flow), 'utf8')}\n补充的一段说明。\n`);
    expect(await build()).toMatchObject({ exitCode: 0, mode: 'bodies' });
    expect(readFileSync(page, 'utf8')).toContain('补充的一段说明。');
    expect(statSync(join(outDir, 'index.html')).ino).toBe(home);
    // The site the first build replaced is gone; nothing is left beside dist/.
    expect(readdirSync(root).filter((name) => name.startsWith('dist'))).toEqual(['dist']);
  });
});
