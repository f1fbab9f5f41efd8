/** The history page data: versions newest first, commits, field labels, and the readable body diff. */
import { describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/history/document-history.ts';
import { fieldLabel } from '../../src/model/field-labels.ts';
import { diffRows, historyPageView, markChanged, versionHref } from '../../src/site/history/history-view.ts';
import { regulationPath, reviseRegulation, testRepo } from '../history/git-repo.ts';

function regulationHistory() {
  const repo = testRepo();
  repo.commit('发布受控文件', '刘明华', '2024-08-25');
  reviseRegulation(repo, 'A/1', '2025-02-20', '2025-03-01', '增加电子文件管理要求', '第二条 电子文件与纸质文件具有同等效力。');
  repo.edit(regulationPath, (t) => t.replace('approvedBy: 周志远', 'approvedBy: 赵德胜'));
  const second = repo.commit('JMI/ZD/13-01 升版 A/1', '孙晓燕', '2025-03-01');
  repo.edit(regulationPath, (t) => t.replace('第一条 为规范文件管理', '第一条 为规范学校文件管理'));
  const third = repo.commit('措辞修正', '王强', '2025-04-01');
  repo.move(regulationPath, 'content/regulations/archive/jmi-zd-13-01.mdx');
  const fourth = repo.commit('整理制度目录', '王强', '2025-06-01');
  const history = readRepositoryHistory(repo.root);
  return { history, commits: { second, third, fourth } };
}

describe('history page of a document', () => {
  it('lists every version newest first with commit, date, author, approver and revision summary', () => {
    const { history, commits } = regulationHistory();
    const page = historyPageView(history.byNumber.get('JMI/ZD/13-01')!, 'regulation');
    expect(page).toMatchObject({ number: 'JMI/ZD/13-01', href: '/regulations/jmi-zd-13-01/', historyHref: '/history/jmi-zd-13-01/', currentVersion: 'A/1', status: 'effective' });
    expect(page.versions.map((v) => [v.version, v.approvedBy, v.effectiveDate, v.introducedBy?.author, v.introducedBy?.date, v.summary])).toEqual([
      ['A/1', '赵德胜', '2025-03-01', '孙晓燕', '2025-03-01', '增加电子文件管理要求'],
      ['A/0', '周志远', '2024-09-01', '刘明华', '2024-08-25', '首次发布'],
    ]);
    const [latest, first] = page.versions;
    expect(latest!.introducedBy).toMatchObject({ hash: commits.second, short: commits.second.slice(0, 7) });
    // Edits without a new version are listed under the version they belong to.
    expect(latest!.edits.map((c) => [c.short, c.subject])).toEqual([
      [commits.third.slice(0, 7), '措辞修正'],
      [commits.fourth.slice(0, 7), '整理制度目录'],
    ]);
    expect(page.renames.map((r) => [r.from, r.to, r.commit.hash])).toEqual([[regulationPath, 'content/regulations/archive/jmi-zd-13-01.mdx', commits.fourth]]);
    expect(first!.firstInGit).toBe(true);
    expect(latest!.firstInGit).toBe(false);
  });

  it('shows frontmatter changes with the fields’ Chinese titles, apart from the body diff', () => {
    const { history } = regulationHistory();
    const latest = historyPageView(history.byNumber.get('JMI/ZD/13-01')!, 'regulation').versions[0]!;
    expect(latest.fieldChanges).toEqual([
      { field: 'version', label: '版本', before: 'A/0', after: 'A/1' },
      { field: 'effectiveDate', label: '生效日期', before: '2024-09-01', after: '2025-03-01' },
      { field: 'approvedBy', label: '批准', before: '周志远', after: '赵德胜' },
    ]);
    const changed = latest.bodyDiff.filter((r) => r.kind !== 'ctx' && r.kind !== 'gap');
    expect(changed.map((r) => [r.kind, r.parts.map((p) => p.text).join('')])).toEqual([
      ['del', '第一条 为规范文件管理，制定本办法。'],
      ['add', '第一条 为规范学校文件管理，制定本办法。'],
      ['add', ''],
      ['add', '第二条 电子文件与纸质文件具有同等效力。'],
    ]);
  });

  it('marks versions older than Git as known only from the revision records', () => {
    const repo = testRepo();
    repo.commit('发布受控文件', '刘明华', '2024-08-25');
    const page = historyPageView(readRepositoryHistory(repo.root).byNumber.get('JMI/CX/13')!, 'procedure');
    expect(page.versions.map((v) => [v.version, v.fromRevisionRecords, v.introducedBy?.author, v.summary])).toEqual([
      ['A/1', false, '刘明华', '改为在版本库中编制'],
      ['A/0', true, undefined, '首次发布'],
    ]);
    expect(versionHref('JMI/CX/13', 'A/0')).toBe(`/history/jmi-cx-13/#${page.versions[1]!.anchor}`);
  });

  it('names fields by their schema title and falls back to the key', () => {
    expect(fieldLabel('acknowledges', 'procedure')).toBe('引用复核');
    expect(fieldLabel('issuedAs', undefined)).not.toBe('');
    expect(fieldLabel('madeUp', 'procedure')).toBe('madeUp');
  });
});

describe('readable body diff', () => {
  it('marks only the changed words of a reworded line', () => {
    expect(markChanged('评审逾期的文件在目录中标示。', '评审逾期的文件在受控文件登记表中标示。')).toEqual([
      [{ text: '评审逾期的文件在', changed: false }, { text: '目录', changed: true }, { text: '中标示。', changed: false }],
      [{ text: '评审逾期的文件在', changed: false }, { text: '受控文件登记表', changed: true }, { text: '中标示。', changed: false }],
    ]);
  });

  it('leaves lines that share little unmarked, and pairs only equal runs of removed and added lines', () => {
    expect(markChanged('甲乙丙丁戊', '子丑寅卯辰')[0]).toEqual([{ text: '甲乙丙丁戊', changed: false }]);
    const rows = diffRows([
      { kind: 'del', text: '第一条 甲' },
      { kind: 'add', text: '第一条 乙' },
      { kind: 'ctx', text: '不变' },
      { kind: 'del', text: '旧的一行' },
      { kind: 'add', text: '新的一行' },
      { kind: 'add', text: '另加一行' },
    ]);
    expect(rows.map((r) => r.parts.filter((p) => p.changed).map((p) => p.text))).toEqual([['甲'], ['乙'], [], [], [], []]);
  });
});
