/** The live preview's session: a saved file updates the set, the site and the check findings of that file. */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupFindings, totalFindings } from '../../src/site/dev/dev-findings.ts';
import { createDevSession, isContentFile } from '../../src/site/dev/dev-session.ts';
import { buildSiteModel } from '../../src/site/view/site-model.ts';
import { baseDir } from '../helpers/fixture-set.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

const projectRoot = join(import.meta.dirname, '../..');
const procedure = 'content/procedures/jmi-cx-13.mdx';
let root: string;

beforeEach(() => {
  root = testTempDir('shoukong-dev-session-');
  cpSync(baseDir, root, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Rewrites a line of a content file, as an author saving it would. */
function edit(path: string, from: string, to: string): void {
  const text = readFileSync(join(root, path), 'utf8');
  expect(text).toContain(from);
  writeFileSync(join(root, path), text.replace(from, to));
}

const unknownDepartment = (findings: { id: string; diagnostics: { ruleId: string; span: { start: { line: number; column: number } } }[] }[]) =>
  findings.filter((f) => f.id === 'procedures/jmi-cx-13').flatMap((f) => f.diagnostics.filter((d) => d.ruleId === 'org/unknown-department').map((d) => `${d.span.start.line}:${d.span.start.column}`));

describe('dev session', () => {
  it('shows a new finding on the saved document, then drops it once fixed', async () => {
    const session = createDevSession(root, projectRoot, { today: '2025-06-01' });
    const first = await session.current();
    expect(unknownDepartment(first.findings)).toEqual([]);

    edit(procedure, 'owners: [质管办]', 'owners: [不存在的处]');
    const broken = await session.changed(join(root, procedure), 'change');
    expect(broken?.changed).toEqual([procedure]);
    expect(unknownDepartment(broken!.findings)).toEqual(['7:10']);
    expect(broken!.findings.find((f) => f.id === 'procedures/jmi-cx-13')?.document).toEqual({ number: 'JMI/CX/13', title: '文件与资料控制', href: '/procedures/jmi-cx-13/' });

    edit(procedure, 'owners: [不存在的处]', 'owners: [质管办]');
    const fixed = await session.changed(join(root, procedure), 'change');
    expect(unknownDepartment(fixed!.findings)).toEqual([]);
    expect(await session.current()).toBe(fixed);
  });

  it('updates the page data (title) of the saved document', async () => {
    const session = createDevSession(root, projectRoot, { today: '2025-06-01' });
    await session.current();
    edit(procedure, 'title: 文件与资料控制', 'title: 文件控制');
    const next = await session.changed(join(root, procedure), 'change');
    expect(next!.site.byNumber.get('JMI/CX/13')?.title).toBe('文件控制');
  });

  it('after a save that changes only prose, keeps the site model made before (frozen); after a title edit, makes a new one', async () => {
    const session = createDevSession(root, projectRoot, { today: '2025-06-01' });
    const first = await session.current();
    writeFileSync(join(root, procedure), `${readFileSync(join(root, procedure), 'utf8')}\n补充一段说明，没有引用。\n`);
    const prose = await session.changed(join(root, procedure), 'change');
    expect(prose!.site.documents).toBe(first.site.documents);
    expect(Object.isFrozen(prose!.site.byNumber.get('JMI/CX/13'))).toBe(true);
    edit(procedure, 'title: 文件与资料控制', 'title: 文件控制');
    const renamed = await session.changed(join(root, procedure), 'change');
    expect(renamed!.site.documents).not.toBe(first.site.documents);
    expect(renamed!.site.byNumber.get('JMI/CX/13')?.title).toBe('文件控制');
  });

  it('re-checks the whole set when the organisation changes, so other files gain findings', async () => {
    const session = createDevSession(root, projectRoot, { today: '2025-06-01' });
    await session.current();
    edit('content/org/organization.yaml', 'shortName: 质管办', 'shortName: 质量办');
    const next = await session.changed(join(root, 'content/org/organization.yaml'), 'change');
    expect(unknownDepartment(next!.findings)).toEqual(['7:10']);
  });

  it('takes in files saved together in one reload, and ignores files that are not content', async () => {
    const session = createDevSession(root, projectRoot, { today: '2025-06-01' });
    await session.current();
    expect(session.changed(join(root, '.cache/shoukong/x.json'), 'change')).toBeUndefined();
    expect(session.changed(join(root, 'README.md'), 'change')).toBeUndefined();
    edit(procedure, 'owners: [质管办]', 'owners: [不存在的处]');
    const a = session.changed(join(root, procedure), 'change');
    const b = session.changed(join(root, 'content/manual/jmi-sc-07.mdx'), 'change');
    expect(b).toBe(a);
    expect((await a)!.changed).toEqual(['content/manual/jmi-sc-07.mdx', procedure]);
  });

  it('reports a flowchart mermaid cannot parse, as npm run check does', async () => {
    const session = createDevSession(root, projectRoot, { today: '2025-06-01' });
    await session.current();
    const flow = 'content/flows/jmi-lc-13-01.mdx';
    const rulesOfFlow = (s: Awaited<ReturnType<typeof session.current>>) => s.findings.filter((f) => f.file === flow).flatMap((f) => f.diagnostics.map((d) => d.ruleId));
    edit(flow, 'B["审核"]', 'B["审核');
    const broken = await session.changed(join(root, flow), 'change');
    expect(rulesOfFlow(broken!)).toContain('flow/mermaid-syntax');
    edit(flow, 'B["审核', 'B["审核"]');
    const fixed = await session.changed(join(root, flow), 'change');
    expect(rulesOfFlow(fixed!)).not.toContain('flow/mermaid-syntax');
  });

  it('drops a deleted document from the site, and the documents citing it get findings', async () => {
    const session = createDevSession(root, projectRoot, { today: '2025-06-01' });
    await session.current();
    const record = 'content/records/jmi-jl-13-01.mdx';
    rmSync(join(root, record));
    const next = await session.changed(join(root, record), 'unlink');
    expect(next!.site.byNumber.has('JMI/JL/13-01')).toBe(false);
    const ofProcedure = next!.findings.find((f) => f.id === 'procedures/jmi-cx-13');
    expect(ofProcedure?.diagnostics.map((d) => d.ruleId)).toContain('ref/unknown-target');
  });

  it('knows which paths are content', () => {
    expect(isContentFile('content/procedures/jmi-cx-13.mdx')).toBe(true);
    expect(isContentFile('content/org/organization.yaml')).toBe(true);
    expect(isContentFile('content/.drafts/x.mdx')).toBe(false);
    expect(isContentFile('docs/site.md')).toBe(false);
  });
});

describe('findings per file', () => {
  it('keys a document by its page and any other file by its path, with counts', () => {
    const set = loadDocumentSet(baseDir);
    const site = buildSiteModel(set);
    const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 2 } });
    const findings = groupFindings(set, site, [
      { file: procedure, span: at(9), severity: 'warning', message: 'b', ruleId: 'review/overdue' },
      { file: procedure, span: at(6), severity: 'error', message: 'a', ruleId: 'org/unknown-department' },
      { file: 'content/org/organization.yaml', span: at(2), severity: 'error', message: 'c', ruleId: 'syntax/yaml' },
    ]);
    expect(findings.map((f) => [f.id, f.errors, f.warnings, f.diagnostics.map((d) => d.span.start.line)])).toEqual([
      ['content/org/organization.yaml', 1, 0, [2]],
      ['procedures/jmi-cx-13', 1, 1, [6, 9]],
    ]);
    expect(totalFindings(findings)).toEqual({ errors: 2, warnings: 1, files: 2 });
  });
});
