/**
 * Recall after a version bump, in a temporary Git repository: paper copies of JMI/ZD/13-01 A/0 are
 * out when A/1 is approved for 2025-03-03 (a Monday). Before that day the copies are still valid
 * (the in-force decision keeps A/0); from it they are recall items due ten working days later
 * (2025-03-17); after that, check warns copy/not-recalled at the copy's line of the register.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.ts';
import { auditCommand } from '../../src/cli/audit-command.ts';
import { copyCommand } from '../../src/cli/copy-command.ts';
import { addWorkingDays, copyStatuses } from '../../src/history/copies.ts';
import { readRepositoryHistory } from '../../src/history/document-history.ts';
import { inForceToday } from '../../src/history/in-force-today.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { findingLine, removeSet } from '../helpers/fixture-set.ts';
import { reviseRegulation, testRepo } from '../history/git-repo.ts';

const register = `form: JMI/JL/13-02
copies:
  - copy: JMI/ZD/13-01-A0-001
    number: JMI/ZD/13-01
    version: A/0
    department: 教务处
    holder: 王芳
    issued: 2024-09-02
  - copy: JMI/ZD/13-01-A0-002
    number: JMI/ZD/13-01
    version: A/0
    department: 质管办
    holder: 孙晓燕
    issued: 2024-09-02
    returned: 2025-01-10
`;

const repo = testRepo();
repo.write('content/copies/distribution.yaml', register);
repo.commit('发布受控文件，发放纸质件', '刘明华', '2024-08-25');
reviseRegulation(repo, 'A/1', '2025-02-20', '2025-03-03', '增加电子文件管理要求', '第二条 电子文件与纸质文件具有同等效力。');
repo.commit('JMI/ZD/13-01 升版 A/1，2025-03-03 起施行', '孙晓燕', '2025-02-20');
afterAll(() => removeSet(repo.root));

function statusesOn(today: string) {
  const set = loadDocumentSet(repo.root);
  const history = readRepositoryHistory(repo.root);
  return copyStatuses(set.distribution?.data, inForceToday(set, history, today), { history });
}

describe('recall after a version bump', () => {
  it('counts ten working days over weekends', () => {
    expect(addWorkingDays('2025-03-03', 10)).toBe('2025-03-17');
    expect(addWorkingDays('2025-03-07', 1)).toBe('2025-03-10');
  });

  it('keeps copies of A/0 valid while A/1 waits for its date', () => {
    expect(statusesOn('2025-02-28').map((s) => [s.entry.copy, s.label])).toEqual([
      ['JMI/ZD/13-01-A0-001', '现行有效'],
      ['JMI/ZD/13-01-A0-002', '已收回'],
    ]);
  });

  it('makes the copy still out a recall item from the day A/1 takes effect, due ten working days later', () => {
    const [out, back] = statusesOn('2025-03-10');
    expect(out).toMatchObject({ state: 'superseded', label: '已换版（应收回）', currentVersion: 'A/1', recall: { since: '2025-03-03', due: '2025-03-17', overdue: false, reason: '已换版为 A/1' } });
    expect(back?.recall).toBeUndefined();
  });

  it('has check warn copy/not-recalled at the copy in the register only once the recall is overdue', () => {
    const set = loadDocumentSet(repo.root);
    const history = readRepositoryHistory(repo.root);
    const recallFindings = (today: string) => runCheck(set, { today, history }).filter((d) => d.ruleId.startsWith('copy/')).map(findingLine);
    expect(recallFindings('2025-03-17')).toEqual([]);
    expect(recallFindings('2025-03-18')).toEqual([
      'content/copies/distribution.yaml:3:11  warning  copy/not-recalled  纸质受控件 JMI/ZD/13-01-A0-001（教务处 王芳）已换版为 A/1，应在 2025-03-17 前收回，已逾期：收回后运行 npm run copy -- --return JMI/ZD/13-01-A0-001（已销毁的用 --destroyed）',
    ]);
  });

  it('lists the copy in audit --recall under its department', () => {
    const result = auditCommand(['--recall', '--today', '2025-03-18', '--root', repo.root], { cwd: repo.root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('应收回 1 份，逾期 1 份');
    expect(result.stdout).toMatch(/教务处\s+JMI\/ZD\/13-01-A0-001\s+JMI\/ZD\/13-01\s+文件管理办法\s+A\/0\s+王芳\s+2024-09-02\s+已换版（应收回）\s+已换版为 A\/1\s+2025-03-17\s+是/);
  });

  it('records the return with npm run copy -- --return, keeping the layout of the register, and refuses a second one', async () => {
    let out = '';
    const env = { cwd: repo.root, out: (t: string) => (out += t), err: (t: string) => (out += t) };
    expect(await copyCommand(['--return', 'JMI/ZD/13-01-A0-001', '--date', '2025-03-14', '--root', repo.root], env)).toBe(0);
    expect(repo.read('content/copies/distribution.yaml')).toBe(register.replace('    issued: 2024-09-02\n  - copy: JMI/ZD/13-01-A0-002', '    issued: 2024-09-02\n    returned: 2025-03-14\n  - copy: JMI/ZD/13-01-A0-002'));
    expect(statusesOn('2025-03-18').map((s) => s.label)).toEqual(['已收回', '已收回']);
    out = '';
    expect(await copyCommand(['--destroyed', 'JMI/ZD/13-01-A0-001', '--root', repo.root], env)).toBe(1);
    expect(out).toBe('分发号 JMI/ZD/13-01-A0-001 已于 2025-03-14 登记为交回\n');
    out = '';
    expect(await copyCommand(['--return', 'JMI/ZD/13-01-A0-009', '--root', repo.root], env)).toBe(1);
    expect(out).toBe('登记表中没有分发号 "JMI/ZD/13-01-A0-009"\n');
  });
});
