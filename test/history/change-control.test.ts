import type { JsonFinding } from '../../src/diagnostics/format-json.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/check-command.ts';
import { procedurePath, regulationPath, reviseRegulation, testRepo, type TestRepo } from './git-repo.ts';


/** A committed base set, changed in the work tree by `change`, checked with --base HEAD. */
function checkAgainstBase(change: (repo: TestRepo) => void, extra: string[] = []) {
  const repo = testRepo();
  repo.commit('基线', '刘明华', '2025-01-10');
  change(repo);
  const result = checkCommand(['--base', 'HEAD', '--format', 'json', '--today', '2025-06-01', '--no-cache', ...extra], { cwd: repo.root });
  const findings = JSON.parse(result.stdout) as JsonFinding[];
  return { repo, result, findings, change: findings.filter((f) => f.ruleId.startsWith('change/')) };
}

const short = (f: JsonFinding) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`;

describe('change control against the base commit', () => {
  it('an unchanged work tree passes', () => {
    const { result, findings } = checkAgainstBase(() => {});
    expect(findings).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  it('a body change without a new version is an error at the version', () => {
    const { change, result } = checkAgainstBase((repo) => repo.edit(procedurePath, (t) => t.replace('确保使用处得到的是现行有效版本。', '确保各使用处得到的都是现行有效版本。')));
    expect(change.map(short)).toEqual([`${procedurePath}:5:10 change/version-not-raised`]);
    expect(change[0]!.message).toContain('但版本仍是 "A/1"');
    expect(result.exitCode).toBe(1);
  });

  it('a new version with its revision record passes; periodic-review bookkeeping alone needs no new version', () => {
    expect(checkAgainstBase((repo) => reviseRegulation(repo, 'A/1', '2025-03-01', '2025-03-10', '补充条款', '第二条 新增。')).findings).toEqual([]);
    expect(checkAgainstBase((repo) => repo.edit(regulationPath, (t) => t.replace('approvedBy: 周志远', 'approvedBy: 周志远\nlastReviewed: 2025-05-20'))).findings).toEqual([]);
  });

  it('a version that goes down is an error', () => {
    const { change } = checkAgainstBase((repo) => repo.edit(procedurePath, (t) => t.replace('version: A/1', 'version: A/0').replace('确保', '保证')));
    expect(change.map(short)).toContain(`${procedurePath}:5:10 change/version-lowered`);
    expect(change.find((f) => f.ruleId === 'change/version-lowered')!.message).toContain('版本从 "A/1" 降为 "A/0"');
  });

  it('an obsolete document made current again is an error at its status', () => {
    const repo = testRepo();
    repo.edit(regulationPath, (t) => t.replace('status: effective', 'status: obsolete'));
    repo.edit(procedurePath, (t) => t.replace('regulations: [JMI/ZD/13-01]\n', ''));
    repo.commit('作废', '刘明华', '2025-01-10');
    repo.edit(regulationPath, (t) => t.replace('status: obsolete', 'status: effective'));
    const findings = JSON.parse(checkCommand(['--base', 'HEAD', '--format', 'json', '--no-cache'], { cwd: repo.root }).stdout) as JsonFinding[];
    expect(findings.filter((f) => f.ruleId === 'change/status-transition').map(short)).toEqual([`${regulationPath}:6:9 change/status-transition`]);
  });

  it('a draft turned effective without review and approval is an error', () => {
    const repo = testRepo();
    repo.edit(regulationPath, (t) => t.replace('status: effective', 'status: draft').replace('approvedBy: 周志远\n', ''));
    repo.commit('草稿', '刘明华', '2025-01-10');
    repo.edit(regulationPath, (t) => t.replace('status: draft', 'status: effective'));
    const findings = JSON.parse(checkCommand(['--base', 'HEAD', '--format', 'json', '--no-cache'], { cwd: repo.root }).stdout) as JsonFinding[];
    const finding = findings.find((f) => f.ruleId === 'change/status-transition')!;
    expect(short(finding)).toBe(`${regulationPath}:6:9 change/status-transition`);
    expect(finding.message).toContain('reviewedBy（审核）、approvedBy（批准）');
  });

  it('a deleted controlled document is an error naming it and how to restore it', () => {
    const { change } = checkAgainstBase((repo) => {
      repo.remove('content/records/jmi-jl-13-01.mdx');
      repo.edit(procedurePath, (t) => t.replace('records: [JMI/JL/13-01]\n', '').replace('，填写 [[JMI/JL/13-01]]', '').replace('version: A/1', 'version: A/2').replace('revisions:', 'revisions:').replace('regulations:', '  - version: A/2\n    date: 2025-05-01\n    summary: 删除记录\n    author: 孙晓燕\nregulations:').replace(/effectiveDate: .*/, 'effectiveDate: 2025-05-10'));
    });
    expect(change.map(short)).toEqual(['content/records/jmi-jl-13-01.mdx:1:1 change/deleted']);
    expect(change[0]!.message).toContain('git checkout HEAD -- content/records/jmi-jl-13-01.mdx');
  });

  it('a renumbered document is an error at its number', () => {
    const { change } = checkAgainstBase((repo) => repo.edit(regulationPath, (t) => t.replace('number: JMI/ZD/13-01', 'number: JMI/ZD/13-09')));
    expect(change.map(short)).toContain(`${regulationPath}:3:9 change/renumbered`);
  });

  it('an effective date earlier than the previous version is an error', () => {
    const { change } = checkAgainstBase((repo) => reviseRegulation(repo, 'A/1', '2024-08-25', '2024-08-30', '补充条款', '第二条 新增。'));
    expect(change.map(short)).toEqual([`${regulationPath}:8:16 change/effective-date-earlier`]);
  });

  it('writes a Markdown summary with the impact list', () => {
    const { repo } = checkAgainstBase((repo) => reviseRegulation(repo, 'A/1', '2025-03-01', '2025-03-10', '补充电子文件条款', '第二条 新增。'), ['--summary', 'pr-summary.md']);
    const path = join(repo.root, 'pr-summary.md');
    expect(existsSync(path)).toBe(true);
    const summary = readFileSync(path, 'utf8');
    expect(summary).toContain('| JMI/ZD/13-01 | 文件管理办法 | A/0 → A/1 | 补充电子文件条款 |');
    expect(summary).toContain('受影响文件');
    expect(summary).toContain('| JMI/CX/13 | 文件与资料控制 | JMI/ZD/13-01（支持性文件） |');
    expect(summary).toContain('✅ 检查通过');
  });

  it('marks each affected document 已确认 or 待复核, lists the drafts merged, shows approver and effective date, procedures first', () => {
    const { repo } = checkAgainstBase((repo) => {
      reviseRegulation(repo, 'A/1', '2025-03-01', '2025-03-10', '补充电子文件条款', '第二条 新增。');
      repo.edit(procedurePath, (t) => t.replace('version: A/1', 'version: A/2').replace('regulations:', '  - version: A/2\n    date: 2025-03-01\n    summary: 按新制度调整\n    author: 孙晓燕\nregulations:').replace(/effectiveDate: .*/, 'effectiveDate: 2025-03-10'));
      repo.edit('content/manual/jmi-sc-07.mdx', (t) => t.replace('procedures: [JMI/CX/13]', 'procedures: [JMI/CX/13]\nacknowledges: [{ number: JMI/CX/13, version: A/2 }]'));
      repo.write('content/regulations/jmi-zd-13-02.mdx', repo.read(regulationPath).replace('JMI/ZD/13-01', 'JMI/ZD/13-02').replace('status: effective', 'status: draft').replace('title: 文件管理办法', 'title: 电子文件管理办法'));
    }, ['--summary', 'pr-summary.md']);
    const summary = readFileSync(join(repo.root, 'pr-summary.md'), 'utf8');
    const table = (title: string) => summary.split(`### ${title}`)[1]!.split('\n### ')[0]!.split('\n').filter((l) => l.startsWith('| JMI'));
    expect(table('修改')).toEqual([
      '| JMI/CX/13 | 文件与资料控制 | A/1 → A/2 | 按新制度调整 | 周志远 | 2025-03-10 |',
      '| JMI/ZD/13-01 | 文件管理办法 | A/0 → A/1 | 补充电子文件条款 | 周志远 | 2025-03-10 |',
    ]);
    expect(table('草稿')).toEqual(['| JMI/ZD/13-02 | 电子文件管理办法 | 制度 | A/1 | — |']);
    expect(table('受影响文件')).toEqual([
      '| JMI/CX/13 | 文件与资料控制 | JMI/ZD/13-01（支持性文件） | 已确认（本次一并修改） |',
      '| JMI/SC/07 | 支持 | JMI/CX/13（实施程序）、JMI/CX/13（正文引用的文件） | 已确认（acknowledges） |',
      '| JMI/LC/13-01 | 受控文件编制流程 | JMI/CX/13（所属程序）、JMI/ZD/13-01（工作准则） | 待复核 |',
      '| JMI/JL/13-01 | 文件编制申请表 | JMI/CX/13（所属程序） | 待复核 |',
    ]);
  });

  it('an unknown base is a usage error that says how to fix it', () => {
    const repo = testRepo();
    repo.commit('基线', '刘明华', '2025-01-10');
    const result = checkCommand(['--base', 'origin/nope'], { cwd: repo.root });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('fetch-depth: 0');
  });
});

describe('suspect references', () => {
  it('a document citing one that got a new version is to be reviewed until it acknowledges it', () => {
    const repo = testRepo();
    repo.commit('发布', '刘明华', '2025-01-10');
    reviseRegulation(repo, 'A/1', '2025-03-01', '2025-03-10', '补充条款', '第二条 新增。');
    repo.commit('JMI/ZD/13-01 升版', '孙晓燕', '2025-03-05');
    const run = () => (JSON.parse(checkCommand(['--format', 'json', '--today', '2025-06-01', '--no-cache'], { cwd: repo.root }).stdout) as JsonFinding[]).filter((f) => f.ruleId === 'ref/suspect');
    const suspects = run();
    // The procedure lists it as a supporting file and the flow as a work rule: both are to be reviewed.
    expect(suspects.map(short)).toEqual(['content/flows/jmi-lc-13-01.mdx:20:15 ref/suspect', `${procedurePath}:22:15 ref/suspect`]);
    expect(suspects[0]).toMatchObject({ severity: 'warning' });
    // Dated as the cited version records it (revision and effective date), not by the commit (2025-03-05).
    expect(suspects[1]!.message).toContain('已换版为 A/1（2025-03-01 修订，2025-03-10 生效），本文件的当前版本早于此');
    repo.edit(procedurePath, (t) => t.replace('clauses:', 'acknowledges:\n  - number: JMI/ZD/13-01\n    version: A/1\nclauses:'));
    expect(run().map(short)).toEqual(['content/flows/jmi-lc-13-01.mdx:20:15 ref/suspect']);
  });

  it('documents revised in the same pull request are reviewed together: not 待复核 on the branch (check --base) nor after the merge', () => {
    const repo = testRepo();
    repo.commit('发布', '刘明华', '2025-01-10');
    repo.git('switch', '-q', '-c', 'revise-13');
    // The procedure is revised first, its regulation after: by commit order the procedure would be older.
    repo.edit(procedurePath, (t) => t.replace('version: A/1', 'version: A/2').replace('regulations:', '  - version: A/2\n    date: 2025-03-01\n    summary: 按新制度调整\n    author: 孙晓燕\nregulations:').replace(/effectiveDate: .*/, 'effectiveDate: 2025-03-10'));
    repo.commit('JMI/CX/13 升版', '孙晓燕', '2025-03-04');
    reviseRegulation(repo, 'A/1', '2025-03-01', '2025-03-10', '补充条款', '第二条 新增。');
    repo.commit('JMI/ZD/13-01 升版', '孙晓燕', '2025-03-05');
    const suspects = (args: string[]) =>
      (JSON.parse(checkCommand(['--format', 'json', '--today', '2025-06-01', '--no-cache', ...args], { cwd: repo.root }).stdout) as JsonFinding[]).filter((f) => f.ruleId === 'ref/suspect').map(short);
    // The procedure does not wait on the regulation revised with it; what the pull request did not
    // touch (the flow, the manual section, the record citing the two) is to be reviewed.
    const untouched = ['content/flows/jmi-lc-13-01.mdx:16:12 ref/suspect', 'content/flows/jmi-lc-13-01.mdx:20:15 ref/suspect', 'content/manual/jmi-sc-07.mdx:18:14 ref/suspect', 'content/records/jmi-jl-13-01.mdx:15:12 ref/suspect'];
    expect(suspects(['--base', 'main'])).toEqual(untouched);
    repo.git('switch', '-q', 'main');
    repo.git('-c', 'user.name=周志远', 'merge', '-q', '--no-ff', '-m', '合并 revise-13', 'revise-13');
    expect(suspects([])).toEqual(untouched);
  });
});
