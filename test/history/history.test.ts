import { describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/history/document-history.ts';
import { gitRunner } from '../../src/history/git.ts';
import { inForceAt } from '../../src/history/point-in-time.ts';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { regulationPath, reviseRegulation, testRepo } from './git-repo.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

/** Four commits: first issue, a revision, a rename, another revision. */
function repoWithHistory() {
  const repo = testRepo();
  const first = repo.commit('发布受控文件', '刘明华', '2024-08-25');
  reviseRegulation(repo, 'A/1', '2025-02-20', '2025-03-01', '增加电子文件管理要求', '第二条 电子文件与纸质文件具有同等效力。');
  const second = repo.commit('JMI/ZD/13-01 升版 A/1', '孙晓燕', '2025-03-01');
  repo.move(regulationPath, 'content/regulations/archive/jmi-zd-13-01.mdx');
  const third = repo.commit('整理制度目录', '王强', '2025-06-01');
  reviseRegulation(repo, 'A/2', '2025-09-01', '2025-09-15', '明确文件定期评审周期', '第三条 文件每三年评审一次。', 'content/regulations/archive/jmi-zd-13-01.mdx');
  const fourth = repo.commit('JMI/ZD/13-01 升版 A/2', '孙晓燕', '2025-09-10');
  return { repo, commits: [first, second, third, fourth] };
}

describe('version history from Git', () => {
  it('lists each version with its commit, author, date and revision summary, following renames', () => {
    const { repo, commits } = repoWithHistory();
    const history = readRepositoryHistory(repo.root);
    const doc = history.byNumber.get('JMI/ZD/13-01')!;
    expect(doc.path).toBe('content/regulations/archive/jmi-zd-13-01.mdx');
    expect(doc.versions.map((v) => [v.version, v.introducedBy?.hash, v.introducedBy?.author, v.introducedBy?.date.slice(0, 10), v.revision?.summary])).toEqual([
      ['A/0', commits[0], '刘明华', '2024-08-25', '首次发布'],
      ['A/1', commits[1], '孙晓燕', '2025-03-01', '增加电子文件管理要求'],
      ['A/2', commits[3], '孙晓燕', '2025-09-10', '明确文件定期评审周期'],
    ]);
    // The rename is a commit within A/1, not a new version.
    expect(doc.versions[1]!.commits.map((c) => c.hash)).toEqual([commits[1], commits[2]]);
    expect(doc.renames).toEqual([{ from: regulationPath, to: 'content/regulations/archive/jmi-zd-13-01.mdx', commit: expect.objectContaining({ hash: commits[2], author: '王强' }) }]);
    expect(doc.lastChange?.hash).toBe(commits[3]);
  });

  it('shows frontmatter changes and body changes separately', () => {
    const { repo } = repoWithHistory();
    const a1 = readRepositoryHistory(repo.root).byNumber.get('JMI/ZD/13-01')!.versions[1]!;
    expect(a1.fieldChanges).toEqual([
      { field: 'version', before: 'A/0', after: 'A/1' },
      { field: 'effectiveDate', before: '2024-09-01', after: '2025-03-01' },
    ]);
    expect(a1.bodyDiff?.filter((l) => l.kind !== 'ctx' && l.kind !== 'gap' && l.text !== '')).toEqual([{ kind: 'add', text: '第二条 电子文件与纸质文件具有同等效力。' }]);
    expect(a1.bodyDiff?.some((l) => l.kind === 'ctx')).toBe(true);
  });

  it('uses a bounded number of Git processes however many commits there are', () => {
    const { repo } = repoWithHistory();
    const git = gitRunner(repo.root);
    const history = readRepositoryHistory(repo.root, git);
    expect(history.available).toBe(true);
    expect(git.processes).toBeLessThanOrEqual(3);
  });

  it('says clearly when the clone is shallow, and still lists what it has', () => {
    const { repo } = repoWithHistory();
    const shallow = join(testTempDir('shoukong-shallow-'), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.root}`, shallow]);
    const history = readRepositoryHistory(shallow);
    expect(history.shallow).toBe(true);
    expect(history.notice).toContain('浅克隆');
    expect(history.notice).toContain('fetch-depth: 0');
    const doc = history.byNumber.get('JMI/ZD/13-01')!;
    expect(doc.versions.filter((v) => !v.fromRevisionRecords).map((v) => v.version)).toEqual(['A/2']);
    // Older versions are still known from the revision records, marked as such.
    expect(doc.versions.filter((v) => v.fromRevisionRecords).map((v) => v.version)).toEqual(['A/0', 'A/1']);
  });

  it('reports no history outside a Git repository', () => {
    const history = readRepositoryHistory(testTempDir('shoukong-nogit-'));
    expect(history.available).toBe(false);
    expect(history.notice).toContain('不是 Git 仓库');
  });
});

describe('point in time', () => {
  const at = (date: string) => {
    const { repo } = repoWithHistory();
    return inForceAt(readRepositoryHistory(repo.root), date).find((r) => r.number === 'JMI/ZD/13-01')!;
  };

  it('before the first effective date the document is not yet in force', () => {
    expect(at('2024-06-01')).toMatchObject({ state: 'not-yet', source: 'none' });
  });

  it('between versions it answers the version whose effective date has come', () => {
    expect(at('2024-12-01')).toMatchObject({ state: 'in-force', version: 'A/0', effectiveDate: '2024-09-01', source: 'git' });
    expect(at('2025-03-01')).toMatchObject({ state: 'in-force', version: 'A/1' });
    expect(at('2025-09-14')).toMatchObject({ state: 'in-force', version: 'A/1' });
  });

  it('after the last version it answers the current one', () => {
    expect(at('2026-01-01')).toMatchObject({ state: 'in-force', version: 'A/2', effectiveDate: '2025-09-15' });
  });

  it('an obsolete document is in force until its successor takes effect', () => {
    const { repo } = repoWithHistory();
    repo.edit('content/regulations/archive/jmi-zd-13-01.mdx', (t) => t.replace('status: effective', 'status: obsolete'));
    repo.write(
      'content/regulations/jmi-zd-13-02.mdx',
      repo.read('content/regulations/archive/jmi-zd-13-01.mdx')
        .replace('number: JMI/ZD/13-01', 'number: JMI/ZD/13-02\nsupersedes: [JMI/ZD/13-01]')
        .replace('status: obsolete', 'status: effective')
        .replace(/^effectiveDate: .*$/m, 'effectiveDate: 2026-03-01'),
    );
    repo.commit('以 JMI/ZD/13-02 代替 JMI/ZD/13-01', '孙晓燕', '2026-02-20');
    const history = readRepositoryHistory(repo.root);
    expect(inForceAt(history, '2026-02-28').find((r) => r.number === 'JMI/ZD/13-01')).toMatchObject({ state: 'in-force', version: 'A/2' });
    expect(inForceAt(history, '2026-03-01').find((r) => r.number === 'JMI/ZD/13-01')).toMatchObject({ state: 'obsolete', version: 'A/2', obsoleteSince: '2026-03-01', successor: 'JMI/ZD/13-02' });
  });
});
