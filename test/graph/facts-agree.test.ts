/**
 * The site and the check answer "which regulations does no procedure list?" and "which records does no
 * procedure or flow use?" with the same functions (src/graph/citations.ts, usage.ts): the matrix pages'
 * gap lists must name exactly the documents regulation/uncited and record/unused report, on the example
 * and on every fixture of those rules (among them the two where the site and the rules used to differ).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.ts';
import { buildGraph } from '../../src/graph/build-graph.ts';
import { citationsOf } from '../../src/graph/citations.ts';
import { inForceToday } from '../../src/history/in-force-today.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { archiveRows, rowsOfList } from '../../src/site/view/lists.ts';
import { buildSiteModel } from '../../src/site/view/site-model.ts';
import { buildCaseSet, fixturesDir, fixtureToday, removeSet } from '../helpers/fixture-set.ts';

const roots: string[] = [];
afterAll(() => roots.forEach(removeSet));

/** What each side calls a gap, as document numbers. */
function gaps(root: string) {
  const set = loadDocumentSet(root);
  const { site } = buildSiteModel(set);
  const findings = runCheck(set, { today: fixtureToday });
  const reported = (ruleId: string) => findings.filter((d) => d.ruleId === ruleId).map((d) => set.documents.find((doc) => doc.path === d.file)!.data.number!).sort();
  return {
    site: { uncited: site.uncitedRegulations.map((d) => d.number).sort(), unused: site.unusedRecords.map((d) => d.number).sort() },
    check: { uncited: reported('regulation/uncited'), unused: reported('record/unused') },
  };
}

const caseDirs = ['regulation-uncited', 'record-unused', 'record-not-listed-by-parent', 'flow-not-listed-by-parent'].flatMap((rule) =>
  readdirSync(join(fixturesDir, rule))
    .filter((name) => !existsSync(join(fixturesDir, rule, name, 'before')) && existsSync(join(fixturesDir, rule, name, 'expected.txt')))
    .map((name) => join(rule, name)),
);

describe('the matrix pages and the check agree on uncited regulations and unused records', () => {
  it('on the example, where both find none', () => {
    const { site, check } = gaps(join(import.meta.dirname, '../..'));
    expect(site).toEqual(check);
    expect(site).toEqual({ uncited: [], unused: [] });
  });

  it.each(caseDirs)('on the fixture %s', (dir) => {
    const { root } = buildCaseSet(join(fixturesDir, dir));
    roots.push(root);
    const { site, check } = gaps(root);
    expect(site).toEqual(check);
  });

  it('call a regulation named only as a flow\'s 工作准则 uncited: the 制度库 matches the procedures\' 支持性文件', () => {
    const { root } = buildCaseSet(join(fixturesDir, 'regulation-uncited/a regulation cited only as the work criterion of a flow'));
    roots.push(root);
    expect(gaps(root)).toEqual({ site: { uncited: ['JMI/ZD/13-02'], unused: [] }, check: { uncited: ['JMI/ZD/13-02'], unused: [] } });
  });

  it('call a record used only as a flow\'s 输出资源 used, even when the flow is a draft', () => {
    const { root } = buildCaseSet(join(fixturesDir, 'record-unused/a record used only as the output of a draft flow'));
    roots.push(root);
    const { site, check } = gaps(root);
    expect(site.unused).toEqual([]);
    expect(check.unused).toEqual([]);
  });
});

describe('the lists and the check agree on which 外来文件 are withdrawn on the day', () => {
  it('a standard still marked effective whose 废止日期 has passed is 已废止 on the site and withdrawn for the check', () => {
    const { root } = buildCaseSet(join(fixturesDir, 'external-withdrawn-cited/a procedure relies on a withdrawn circular and a replaced standard'));
    roots.push(root);
    const set = loadDocumentSet(root);
    const noHistory = { available: false, shallow: false, documents: [], byPath: new Map(), byNumber: new Map(), gitProcesses: 0 };
    const { documents } = buildSiteModel(set, inForceToday(set, noHistory, fixtureToday).decisionOf);
    const findings = runCheck(set, { today: fixtureToday }).filter((d) => d.ruleId === 'external/withdrawn-cited');
    const graph = buildGraph(set);
    const cited = set.documents.filter((d) => d.type === 'external' && citationsOf(graph, d).length > 0);
    const site = cited.map((d) => documents.find((v) => v.number === d.data.number)!).map((v) => [v.number, v.statusLabel, v.controlState]);
    expect(site).toEqual([
      ['GB/T 19001-2008', '已废止', 'obsolete'],
      ['教职成〔2015〕9号', '已废止', 'obsolete'],
    ]);
    for (const doc of cited) expect(findings.some((f) => f.message.includes(`(${doc.data.number})`)), doc.data.number).toBe(true);
    // …and so it is listed among the withdrawn (作废文件), not among the externals in force.
    expect(rowsOfList(documents, ['external']).map((r) => r.number)).not.toContain('GB/T 19001-2008');
    expect(archiveRows(documents).map((r) => r.number)).toContain('GB/T 19001-2008');
  });
});
