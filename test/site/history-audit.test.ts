/**
 * The audit page's browser script (public/audit.js) against `inForceAt`: the same answer on every
 * date where an answer can change, for a temporary repository (versions, same-day versions, an
 * obsolete document with its successor, versions known only from revision records) and the example.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readRepositoryHistory, type RepositoryHistory } from '../../src/history/document-history.ts';
import { inForceAt } from '../../src/history/point-in-time.ts';
import { projectRoot } from '../../src/site/build/build-site.ts';
import { auditDocuments, auditRowViews, oneYearBefore, presetDates, type AuditDocument, type AuditVersion } from '../../src/site/history/history-audit.ts';
import { inForceCsv } from '../../src/history/in-force-export.ts';
import { regulationPath, reviseRegulation, testRepo } from '../history/git-repo.ts';

type InForceOn = (doc: AuditDocument, date: string) => { state: string; version?: AuditVersion };

/** public/audit.js run as the browser would, minus the page: it exposes its algorithm. */
function browserAlgorithm(): InForceOn {
  const context: { inForceOn?: InForceOn } = {};
  runInNewContext(readFileSync(join(projectRoot, 'public/audit.js'), 'utf8'), context);
  return context.inForceOn!;
}

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Every date on which some answer may change, with the day before and after. */
function criticalDates(docs: AuditDocument[]): string[] {
  const edges = docs.flatMap((d) => [...d.versions.flatMap((v) => [v.from, ...(v.until ? [v.until] : [])]), ...(d.obsoleteSince ? [d.obsoleteSince] : [])]);
  return [...new Set(['1900-01-01', '9999-12-30', ...edges.flatMap((e) => [shift(e, -1), e, shift(e, 1)])])].sort();
}

/** Compares the browser's answer with inForceAt for every document on every date; returns the differences. */
function disagreements(history: RepositoryHistory): { checked: number; differences: string[] } {
  const inForceOn = browserAlgorithm();
  const docs = auditDocuments(history, () => undefined);
  const differences: string[] = [];
  let checked = 0;
  for (const date of criticalDates(docs)) {
    const truth = new Map(inForceAt(history, date).map((r) => [r.number, r]));
    for (const doc of docs) {
      const row = truth.get(doc.number)!;
      const { state, version } = inForceOn(doc, date);
      const browser = { state, version: version?.version, effectiveDate: version?.from, approvedBy: version?.approvedBy, source: version?.source ?? 'none', commit: version?.commit, obsoleteSince: state === 'obsolete' ? doc.obsoleteSince : undefined, successor: state === 'obsolete' ? doc.successor : undefined };
      const server = { state: row.state, version: row.version, effectiveDate: row.effectiveDate, approvedBy: row.approvedBy, source: row.source, commit: row.commit, obsoleteSince: row.obsoleteSince, successor: row.successor };
      checked++;
      if (JSON.stringify(browser) !== JSON.stringify(server)) differences.push(`${date} ${doc.number}: 浏览器 ${JSON.stringify(browser)} ≠ inForceAt ${JSON.stringify(server)}`);
    }
  }
  return { checked, differences };
}

/** A regulation with three versions (two effective the same day), then made obsolete by a successor. */
function repoWithSuccessor() {
  const repo = testRepo();
  repo.commit('发布受控文件', '刘明华', '2024-08-25');
  reviseRegulation(repo, 'A/1', '2025-02-20', '2025-03-01', '增加电子文件管理要求', '第二条 电子文件与纸质文件具有同等效力。');
  repo.commit('JMI/ZD/13-01 升版 A/1', '孙晓燕', '2025-02-25');
  reviseRegulation(repo, 'A/2', '2025-02-28', '2025-03-01', '更正第二条用语', '第三条 文件每三年评审一次。');
  repo.commit('JMI/ZD/13-01 升版 A/2（同日生效）', '孙晓燕', '2025-02-28');
  repo.edit(regulationPath, (t) => t.replace('status: effective', 'status: obsolete'));
  repo.write(
    'content/regulations/jmi-zd-13-02.mdx',
    repo.read(regulationPath)
      .replace('number: JMI/ZD/13-01', 'number: JMI/ZD/13-02\nsupersedes: [JMI/ZD/13-01]')
      .replace('status: obsolete', 'status: effective')
      .replace(/^effectiveDate: .*$/m, 'effectiveDate: 2026-03-01'),
  );
  repo.commit('以 JMI/ZD/13-02 代替 JMI/ZD/13-01', '王强', '2026-02-20');
  return repo;
}

describe('the audit page script agrees with inForceAt', () => {
  it('on every date where an answer can change in a temporary repository', () => {
    const history = readRepositoryHistory(repoWithSuccessor().root);
    const { checked, differences } = disagreements(history);
    expect(differences).toEqual([]);
    expect(checked).toBeGreaterThan(50);
    // The cases the dates cover really occur: obsolete with successor, versions from revision records, same-day versions.
    const docs = auditDocuments(history, () => undefined);
    const regulation = docs.find((d) => d.number === 'JMI/ZD/13-01')!;
    expect(regulation).toMatchObject({ obsoleteSince: '2026-03-01', successor: 'JMI/ZD/13-02' });
    expect(regulation.versions.map((v) => [v.version, v.from, v.until])).toEqual([
      ['A/0', '2024-09-01', '2025-03-01'],
      ['A/1', '2025-03-01', '2025-03-01'],
      ['A/2', '2025-03-01', undefined],
    ]);
    expect(docs.find((d) => d.number === 'JMI/CX/13')!.versions[0]).toMatchObject({ version: 'A/0', source: 'revision-records' });
  });

  it('on every date where an answer can change in the example', () => {
    const history = readRepositoryHistory(projectRoot);
    const { checked, differences } = disagreements(history);
    expect(differences).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('point-in-time data for the site', () => {
  it('links each answer to the version on the history page', () => {
    const history = readRepositoryHistory(repoWithSuccessor().root);
    const docs = auditDocuments(history, (n) => (n.startsWith('JMI/ZD/') ? { type: 'regulation' } : undefined));
    const rows = auditRowViews(inForceAt(history, '2026-03-01'), docs);
    expect(rows.find((r) => r.number === 'JMI/ZD/13-01')).toMatchObject({
      href: '/regulations/jmi-zd-13-01/',
      state: 'obsolete',
      stateLabel: '已作废',
      version: 'A/2',
      versionHref: '/history/jmi-zd-13-01/#v-a-2',
      sourceLabel: 'Git 历史',
      successor: 'JMI/ZD/13-02',
      successorHref: '/regulations/jmi-zd-13-02/',
    });
  });

  it('builds the first day of each year, a year ago and today as preset dates', () => {
    const docs = [{ number: 'X', title: '', typeLabel: '', versions: [{ version: 'A/0', from: '2023-05-04', source: 'git' as const, anchor: 'v-a-0' }] }];
    expect(presetDates(docs, '2025-11-22')).toEqual(['2023-01-01', '2024-01-01', '2024-11-22', '2025-01-01', '2025-11-22']);
    expect(oneYearBefore('2028-02-29')).toBe('2027-02-28');
  });

  it('exports CSV with the columns of npm run audit', () => {
    const history = readRepositoryHistory(repoWithSuccessor().root);
    const csv = inForceCsv(inForceAt(history, '2025-03-01'));
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('文件编号,文件名称,类型,状态,在用版本,生效日期,批准,依据,提交,作废日期,替代文件');
    expect(lines.find((l) => l.startsWith('JMI/ZD/13-01,'))).toMatch(/^JMI\/ZD\/13-01,文件管理办法,制度,现行,A\/2,2025-03-01,周志远,Git 历史,[0-9a-f]{7},,$/);
    expect(lines.find((l) => l.startsWith('JMI/CX/13,'))).toMatch(/^JMI\/CX\/13,文件与资料控制,程序文件,现行,A\/1,2024-09-01,周志远,Git 历史,/);
  });
});
