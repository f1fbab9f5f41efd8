/** The approval pack (npm run pack): rows aligned by article and section, character marks, PDF text; the PDF's approval line. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packCommand } from '../../src/cli/pack-command.ts';
import { compareTexts, textUnits } from '../../src/history/revision-comparison.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { buildPdfs } from '../../src/print/build-pdfs.ts';
import { documentPdfFile } from '../../src/print/pdf-paths.ts';
import { buildSet, commitAll } from '../helpers/fixture-set.ts';
import { pageTexts } from './pdf-reading.ts';

const marks = (parts: { text: string; changed: boolean }[] | undefined) => (parts ?? []).map((p) => (p.changed ? `[${p.text}]` : p.text)).join('');

describe('修订对照表 alignment', () => {
  it('pairs a regulation article with itself after an article is inserted before it, and marks the characters', () => {
    const before = '## 第一章 总则\n\n第一条 为规范文件管理，制定本办法。\n\n第二条 本办法适用于全校各部门。\n\n第三条 文件应当经审核后发布。\n';
    const after = '## 第一章 总则\n\n第一条 为规范受控文件管理，制定本办法。\n\n第二条 每个现行版本均须有批准证据。\n\n第三条 本办法适用于全校各部门。\n\n第四条 文件须经审核、批准后发布。\n';
    const rows = compareTexts(before, after);
    expect(rows.map((r) => [r.label, r.note])).toEqual([
      ['第一条', '修改'],
      ['第二条', '新增'],
      ['第四条', '修改（原第三条）'],
    ]);
    expect(marks(rows[0]!.after)).toBe('第一条 为规范[受控]文件管理，制定本办法。');
    expect(marks(rows[2]!.before)).toBe('第[三]条 文件[应当]经审核后发布。');
    expect(marks(rows[2]!.after)).toBe('第[四]条 文件[须]经审核[、批准]后发布。');
    expect(rows[1]!.before).toBeUndefined();
  });

  it('keys procedure text by section number and paragraph, items following an article stay in it', () => {
    const units = textUnits('## 4 工作程序\n\n### 4.2.3 评审\n\n1. 审核人逐条评审。\n2. 意见全部处理后批准。\n\n第五条 原则如下：\n\n（一）一文一档；\n');
    expect(units.map((u) => u.label)).toEqual(['4 工作程序', '4.2.3 评审', '4.2.3 第1项', '4.2.3 第2项', '第五条']);
    expect(units.at(-1)!.text).toBe('第五条 原则如下：\n（一）一文一档；');
  });
});

describe('npm run pack', () => {
  it('writes the pack for a temporary Git repository: cover with impact and signature lines, aligned rows with marks, as HTML and PDF', async () => {
    const root = buildSet();
    commitAll(root, '基线', '2026-11-01T09:00:00+08:00');
    const path = join(root, 'content/regulations/jmi-zd-13-01.mdx');
    const text = readFileSync(path, 'utf8')
      .replace('version: A/0', 'version: A/1')
      .replace('    author: 刘明华\n', '    author: 刘明华\n  - version: A/1\n    date: 2026-11-03\n    summary: 明确批准证据\n    author: 刘明华\n')
      .replace('第一条 为规范文件管理，制定本办法。', '第一条 为规范受控文件管理，制定本办法。\n\n第二条 每个现行版本均须有批准证据。');
    writeFileSync(path, text);
    const out: string[] = [];
    const err: string[] = [];
    const code = await packCommand(['--root', root, '--base', 'HEAD', '--out', join(root, '审批材料.pdf'), '--html', join(root, '审批材料.html')], { cwd: root, out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    expect(out.join('')).toContain('审批材料：1 份文件，修订对照表 2 行（比较基线 HEAD）');
    const html = readFileSync(join(root, '审批材料.html'), 'utf8');
    expect(html).toContain('<td class="c nw">A/0 → A/1</td><td>明确批准证据</td>');
    expect(html).toContain('第一条 为规范<ins>受控</ins>文件管理，制定本办法。');
    expect(html).toContain('<td class="label">第二条</td><td><span class="none">（无）</span></td><td><ins>第二条 每个现行版本均须有批准证据。</ins></td><td class="note">新增</td>');
    expect(html).not.toMatch(/<script/i);
    // The procedure lists the regulation: it is the impact.
    expect(html).toContain('《文件与资料控制》(JMI/CX/13)');
    const pages = await pageTexts(new Uint8Array(readFileSync(join(root, '审批材料.pdf'))));
    expect(pages.length).toBe(2);
    expect(pages[0]).toContain('受控文件修订审批材料');
    expect(pages[0]).toMatch(/审核\s*签字：/);
    expect(pages[0]).toMatch(/批准\s*签字：/);
    expect(pages[1]).toContain('JMI/ZD/13-01');
    expect(pages[1]).toContain('修订对照表');
    expect(pages[1]).toMatch(/原条文\s*修订后条文\s*修订说明/);
    // The running header and footer print (they need a face the body uses at the same weight).
    expect(pages[1]).toContain('受控文件修订审批材料');
    expect(pages[1]).toMatch(/第\s*2\s*页\s*共\s*2\s*页/);
  }, 60_000);

  it('refuses a base that is not in the repository, writing nothing', async () => {
    const root = buildSet();
    commitAll(root, '基线', '2026-11-01T09:00:00+08:00');
    const err: string[] = [];
    const code = await packCommand(['--root', root, '--base', 'no-such-branch', '--html', join(root, 'p.html'), '--no-pdf'], { cwd: root, out: () => {}, err: (t) => err.push(t) });
    expect(code).toBe(1);
    expect(err.join('')).toContain('读不了基线 no-such-branch');
    expect(existsSync(join(root, 'p.html'))).toBe(false);
  });
});

describe('the printed approval line', () => {
  it('prints the pull request approval and the meeting decision under the sign-off table', async () => {
    const root = buildSet({
      'content/org/approvals.yaml': "records:\n  - {number: JMI/CX/13, version: A/1, approver: 周志远, identity: zhouzy, platform: gitlab, pr: 42, time: '2026-11-10T10:18:44+08:00', commit: e4d9c0d0d255}\n",
    });
    const reg = join(root, 'content/regulations/jmi-zd-13-01.mdx');
    writeFileSync(reg, readFileSync(reg, 'utf8').replace('approvedBy: 周志远\n', 'approvedBy: 周志远\ndecision: { version: A/0, meeting: 校长办公会, session: 12, date: 2024-08-26, minutes: 纪要〔2024〕12号 }\n'));
    const outDir = join(root, 'pdf');
    await buildPdfs({ root, set: loadDocumentSet(root), outDir, log: () => {}, cache: false, today: '2026-12-01' });
    // pdfjs gives the text without the spaces between runs: compare without spaces.
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    const procedure = (await pageTexts(new Uint8Array(readFileSync(join(outDir, documentPdfFile('JMI/CX/13')))))).join('\n');
    expect(squeeze(procedure)).toContain(squeeze('批准：周志远 · 合并请求 !42 批准 2026-11-10'));
    const regulation = (await pageTexts(new Uint8Array(readFileSync(join(outDir, documentPdfFile('JMI/ZD/13-01')))))).join('\n');
    expect(squeeze(regulation)).toContain(squeeze('批准：周志远 · 2024 年第 12 次校长办公会审议通过 · 纪要〔2024〕12号'));
    const standard = (await pageTexts(new Uint8Array(readFileSync(join(outDir, documentPdfFile('JMI/BZ/1-01')))))).join('\n');
    expect(standard).toContain('未登记批准证据');
  }, 120_000);
});

describe('the change summary', () => {
  it('links the approval pack when check --summary is given --pack-link', async () => {
    const { changeSummary } = await import('../../src/history/change-summary.ts');
    const { buildGraph } = await import('../../src/graph/build-graph.ts');
    const set = loadDocumentSet(buildSet());
    const summary = changeSummary({ baseRef: 'origin/main', added: [], pairs: [], deleted: [] }, buildGraph(set), { errors: 0, warnings: 0 }, 'https://ci.example/job/1/artifacts/file/审批材料.html');
    expect(summary).toContain('📄 审批材料（封面、修订对照表，可打印送审）：[审批材料](https://ci.example/job/1/artifacts/file/审批材料.html)');
    expect(changeSummary({ baseRef: 'origin/main', added: [], pairs: [], deleted: [] }, buildGraph(set), { errors: 0, warnings: 0 })).not.toContain('审批材料');
  });
});
