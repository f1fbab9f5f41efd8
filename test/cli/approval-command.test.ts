/** npm run approval -- record, fed with a saved GitHub review event and a GitLab approvals response. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approvalCommand } from '../../src/cli/approval-command.ts';
import { runCheck } from '../../src/check/run-check.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { buildSet, commitAll } from '../helpers/fixture-set.ts';

const payloads = join(import.meta.dirname, 'fixtures/approval-payloads');
const people = `
roles: [院长, 部门负责人]
people:
  - { name: 周志远, department: 党政办, roles: [院长], emails: [zhouzhiyuan@example.edu.cn], usernames: [zhouzy] }
  - { name: 刘明华, department: 质管办, roles: [部门负责人], usernames: [liuminghua] }
approvals: { enforced: true }
`;

function repository(): string {
  const root = buildSet();
  writeFileSync(join(root, 'content/org/organization.yaml'), readFileSync(join(root, 'content/org/organization.yaml'), 'utf8') + people);
  commitAll(root, '基线', '2026-11-01T09:00:00+08:00');
  // The pull request raises JMI/CX/13 from A/1 to A/2.
  const path = join(root, 'content/procedures/jmi-cx-13.mdx');
  const text = readFileSync(path, 'utf8').replace('version: A/1\n', 'version: A/2\n').replace(/(revisions:\n(?:  .*\n|    .*\n)*)/, '$1  - { version: A/2, date: 2026-11-03, summary: 修订 4.3, author: 孙晓燕 }\n');
  writeFileSync(path, text);
  return root;
}

describe('approval record', () => {
  it('records the approver of a GitHub pull_request_review event for every version the pull request raises', () => {
    const root = repository();
    const result = approvalCommand(['record', '--github', join(payloads, 'github-pull-request-review.json'), '--base', 'HEAD'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('JMI/CX/13 A/2：周志远（zhouzy）批准，合并请求 #42');
    const text = readFileSync(join(root, 'content/org/approvals.yaml'), 'utf8');
    expect(text).toMatch(/^# 批准记录/);
    expect(text.endsWith("records:\n  - {number: JMI/CX/13, version: A/2, approver: 周志远, identity: zhouzy, platform: github, pr: 42, time: '2026-11-10T02:18:44Z', commit: b7e41c9d2f0a8e63c15d4a7f9e2b0c8d1a6f3e57}\n")).toBe(true);
    const set = loadDocumentSet(root);
    expect(set.approvals?.schemaIssues).toEqual([]);
    expect(set.approvals?.data?.records).toHaveLength(1);
  });

  it('records from a GitLab approvals response the approver the document names, and appends without touching earlier records', () => {
    const root = repository();
    approvalCommand(['record', '--github', join(payloads, 'github-pull-request-review.json'), '--base', 'HEAD'], { cwd: root });
    const before = readFileSync(join(root, 'content/org/approvals.yaml'), 'utf8');
    const result = approvalCommand(['record', '--gitlab', join(payloads, 'gitlab-approvals.json'), '--doc', 'JMI/SC/07'], { cwd: root, environment: { CI_COMMIT_SHA: '5c0e9a7b13d2f4e86a9b0c1d2e3f4a5b6c7d8e9f' } });
    expect(result.exitCode).toBe(0);
    const after = readFileSync(join(root, 'content/org/approvals.yaml'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    // JMI/SC/07 names 周志远 as approver: of the two GitLab approvers, his approval is the evidence.
    expect(after.slice(before.length)).toBe("  - {number: JMI/SC/07, version: A/0, approver: 周志远, identity: zhouzy, platform: gitlab, pr: 42, time: '2026-11-10T10:18:44.902+08:00', commit: 5c0e9a7b13d2f4e86a9b0c1d2e3f4a5b6c7d8e9f}\n");
    // Recording the same approval again adds nothing.
    expect(approvalCommand(['record', '--gitlab', join(payloads, 'gitlab-approvals.json'), '--doc', 'JMI/SC/07', '--commit', '5c0e9a7'], { cwd: root }).stdout).toBe('这些批准已经记录过了\n');
    // check then finds the evidence of both and misses it for the others, as errors (enforced).
    const findings = runCheck(loadDocumentSet(root), { today: '2026-12-01' }).filter((d) => d.ruleId === 'approval/missing-evidence');
    const files = findings.map((d) => `${d.file} ${d.severity}`);
    expect(files).not.toContain('content/manual/jmi-sc-07.mdx error');
    expect(files).toContain('content/standards/jmi-bz-1-01.mdx error');
  });

  it('refuses an approver the organization does not know, naming the platform identity', () => {
    const root = repository();
    const payload = JSON.parse(readFileSync(join(payloads, 'github-pull-request-review.json'), 'utf8'));
    payload.review.user.login = 'someone-else';
    writeFileSync(join(root, 'event.json'), JSON.stringify(payload));
    const result = approvalCommand(['record', '--github', 'event.json', '--base', 'HEAD'], { cwd: root });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('批准人 someone-else 不在 organization.yaml 的人员名单中：请在其 people 条目的 usernames（或 emails）中登记这个平台身份，再重新记录\n');
  });

  it('records nothing when the review requested changes', () => {
    const root = repository();
    const payload = JSON.parse(readFileSync(join(payloads, 'github-pull-request-review.json'), 'utf8'));
    payload.review.state = 'changes_requested';
    writeFileSync(join(root, 'event.json'), JSON.stringify(payload));
    const result = approvalCommand(['record', '--github', 'event.json', '--base', 'HEAD'], { cwd: root });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('还没有人批准');
  });
});
