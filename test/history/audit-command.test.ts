import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditCommand } from '../../src/cli/audit-command.ts';
import { reviseRegulation, testRepo } from './git-repo.ts';

function repo() {
  const r = testRepo();
  r.commit('发布', '刘明华', '2024-08-25');
  reviseRegulation(r, 'A/1', '2025-02-20', '2025-03-01', '增加电子文件管理要求', '第二条 新增。');
  r.commit('JMI/ZD/13-01 升版 A/1', '孙晓燕', '2025-03-01');
  return r;
}

describe('npm run audit', () => {
  it('--at prints the version in force on that date and exports CSV and JSON', () => {
    const r = repo();
    const result = auditCommand(['--at', '2025-01-15', '--csv', 'at.csv', '--json', 'at.json'], { cwd: r.root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^2025-01-15 在用的受控文件（现行 \d+，已作废 0，尚未生效 0）/);
    expect(result.stdout).toMatch(/JMI\/ZD\/13-01\s+文件管理办法\s+制度\s+现行\s+A\/0\s+2024-09-01\s+周志远\s+Git 历史/);
    const csv = readFileSync(join(r.root, 'at.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF文件编号,文件名称,类型,状态,在用版本')).toBe(true);
    expect(csv).toContain('JMI/ZD/13-01,文件管理办法,制度,现行,A/0,2024-09-01,周志远,Git 历史');
    const json = JSON.parse(readFileSync(join(r.root, 'at.json'), 'utf8')) as { date: string; documents: { number: string; version: string }[] };
    expect(json.date).toBe('2025-01-15');
    expect(json.documents.find((d) => d.number === 'JMI/ZD/13-01')?.version).toBe('A/0');
  });

  it('--register lists every document with last change, approver, next review and to-review references', () => {
    const r = repo();
    const result = auditCommand(['--register', '--today', '2025-06-01', '--csv', 'register.csv'], { cwd: r.root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('受控文件登记表（');
    const csv = readFileSync(join(r.root, 'register.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('\uFEFF文件编号,文件名称,类型,层级,版本,状态,生效日期,批准,批准证据,牵头部门,最近变更日期,最近变更人,最近变更提交,下次评审,评审逾期,替代文件,待复核引用,待生效版本,文件路径');
    const procedure = csv.find((l) => l.startsWith('JMI/CX/13,'))!;
    expect(procedure).toContain(',2024-08-25,刘明华,');
    expect(procedure).toContain('JMI/ZD/13-01@A/1');
    const regulation = csv.find((l) => l.startsWith('JMI/ZD/13-01,'))!;
    expect(regulation).toContain('A/1,现行,2025-03-01,周志远,未登记,质管办,2025-03-01,孙晓燕');
  });

  it('rejects a malformed date with the expected form', () => {
    const result = auditCommand(['--at', '2025/01/15'], { cwd: repo().root });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('YYYY-MM-DD');
  });
});
