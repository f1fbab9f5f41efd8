/** The embedded example must be a complete four-layer document system (issue 3's lower bounds). */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/check-command.ts';
import { coverageOf } from '../../src/model/coverage.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { indexDepartments } from '../../src/model/organization.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const set = loadDocumentSet(root);
const ofType = (type: string) => set.documents.filter((d) => d.type === type);

/** Table 2 of the first seed: number, title, lead departments, cooperating departments. */
const table2: [string, string, string[], string[] | 'all'][] = [
  ['JMI/CX/01', '质量方针与质量目标', ['质管办'], 'all'],
  ['JMI/CX/02', '风险与机遇的识别及应对', ['质管办'], 'all'],
  ['JMI/CX/03', '办学定位与目标制定', ['党政办'], 'all'],
  ['JMI/CX/04', '人才培养方案制定', ['教务处'], ['教学单位']],
  ['JMI/CX/05', '专业设置与建设', ['教务处'], ['教学单位']],
  ['JMI/CX/06', '教职工队伍建设与发展', ['人事处'], ['教学单位']],
  ['JMI/CX/07', '公共设备设施与保障', ['后勤处', '教务处'], 'all'],
  ['JMI/CX/08-1', '学生培养与发展——招生', ['招就处'], ['教务处', '教学单位']],
  ['JMI/CX/08-2', '学生培养与发展——学籍', ['教务处', '学工处'], ['教学单位']],
  ['JMI/CX/08-3', '学生培养与发展——学生学习服务', ['学工处', '教务处', '团委'], ['教学单位']],
  ['JMI/CX/08-4', '学生培养与发展——教学实施与运行', ['教务处'], ['教学单位']],
  ['JMI/CX/08-5', '学生培养与发展——教学质量监控与评价', ['质管办', '教务处'], ['教学单位']],
  ['JMI/CX/08-6', '学生培养与发展——学生就业与发展', ['招就处', '合作处'], ['教学单位']],
  ['JMI/CX/09', '教科研与成果转化', ['科技处'], 'all'],
  ['JMI/CX/10', '继续教育与社会培训', ['继教处'], ['教学单位']],
  ['JMI/CX/11-1', '对外交流与合作——国(境)内', ['合作处', '教务处'], ['教学单位']],
  ['JMI/CX/11-2', '对外交流与合作——国(境)外', ['国教处'], 'all'],
  ['JMI/CX/12', '经济活动内部控制', ['财务处'], 'all'],
  ['JMI/CX/13', '文件与资料控制', ['质管办'], 'all'],
  ['JMI/CX/14', '信息与知识管理', ['科技处', '高教所', '档案馆'], 'all'],
  ['JMI/CX/15', '绩效评价', ['党政办', '招就处', '质管办'], 'all'],
  ['JMI/CX/16', '党建、思想政治教育与宣传', ['组织部', '宣传部'], 'all'],
  ['JMI/CX/17', '智慧校园运维与管理', ['现教中心'], 'all'],
  ['JMI/CX/18', '诊断与改进', ['质管办'], 'all'],
];

describe('the embedded example document system', () => {
  it('passes the check with zero errors and zero warnings, every ISO 9001 clause 4–10 covered', () => {
    const result = checkCommand(['--no-cache'], { cwd: root });
    expect(result.stdout).toContain('✔ 没有发现问题');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/ISO 9001:2015[^；\n]* (\d+)\/\1/);
    const iso = set.frameworks.find((f) => f.data?.id === 'iso9001')!.data!;
    const coverage = coverageOf(iso, set.documents);
    for (const top of ['4', '5', '6', '7', '8', '9', '10']) expect(coverage.get(top)?.covered, `clause ${top}`).toBe(true);
    expect([...coverage.values()].every((c) => c.covered)).toBe(true);
  });

  it('has the lower bounds per type', () => {
    expect(ofType('manual-section').length).toBeGreaterThanOrEqual(10);
    expect(ofType('procedure').length).toBe(24);
    expect(ofType('flow').length).toBeGreaterThanOrEqual(30);
    expect(ofType('standard').length).toBeGreaterThanOrEqual(15);
    expect(ofType('record').length).toBeGreaterThanOrEqual(30);
    expect(ofType('regulation').length).toBeGreaterThanOrEqual(24);
  });

  it('has every procedure of the seed table 2 with its lead and cooperating departments', () => {
    const departments = indexDepartments(set.organization.data!);
    const canonical = (ref: string) => {
      const found = departments.resolve(ref);
      return found?.kind === 'department' ? found.department.shortName : found?.name;
    };
    for (const [number, title, owners, cooperating] of table2) {
      const doc = ofType('procedure').find((d) => d.data.number === number);
      expect(doc, number).toBeDefined();
      expect(doc!.data.title).toBe(title);
      expect(doc!.data.owners?.map(canonical)).toEqual(owners);
      const actual = doc!.data.cooperating;
      expect(actual === 'all' ? 'all' : actual?.map(canonical), number).toEqual(cooperating);
    }
  });

  it('gives every procedure at least one supporting regulation, one-to-one', () => {
    const citedBy = new Map<string, string[]>();
    for (const doc of ofType('procedure')) {
      expect(doc.data.regulations?.length, doc.data.number).toBeGreaterThan(0);
      for (const r of doc.data.regulations ?? []) citedBy.set(r, [...(citedBy.get(r) ?? []), doc.data.number!]);
    }
    for (const [regulation, procedures] of citedBy) expect(procedures, regulation).toHaveLength(1);
  });

  it('includes the seed flow 年度工作目标变更流程 with its overview table', () => {
    const flow = ofType('flow').find((d) => d.data.title === '年度工作目标变更流程')!;
    expect(flow.data).toMatchObject({ post: '主任', function: '变更年度工作目标', scope: '全校职能部门、二级单位年度工作目标的变更' });
    expect(flow.data.assessmentPoints).toEqual(['流转时间', '文件被退回的频次', '文件的规范性', '目标对学校发展的支撑度', '目标实现的难易程度']);
    expect(flow.file.body.mermaid).toHaveLength(1);
  });

  it('gives every record template real form fields, mostly not free text', () => {
    for (const record of ofType('record')) {
      const fields = record.data.fields ?? [];
      expect(fields.length, record.data.number).toBeGreaterThanOrEqual(4);
      expect(fields.some((f) => f.kind === 'signature'), record.data.number).toBe(true);
    }
    const all = ofType('record').flatMap((r) => r.data.fields ?? []);
    const structured = all.filter((f) => ['choice', 'multichoice', 'checkbox', 'date', 'table', 'number', 'signature'].includes(f.kind));
    expect(structured.length / all.length).toBeGreaterThan(0.5);
    expect(all.filter((f) => f.note).length).toBeGreaterThan(30);
  });

  it('carries history for auditors: several revisions, and an obsolete document with its successor', () => {
    expect(set.documents.filter((d) => (d.data.revisions?.length ?? 0) >= 3).length).toBeGreaterThanOrEqual(3);
    const obsolete = set.documents.find((d) => d.data.number === 'JMI/ZD/13-01')!;
    expect(obsolete.data.status).toBe('obsolete');
    expect(set.documents.find((d) => d.data.supersedes?.includes('JMI/ZD/13-01'))?.data.number).toBe('JMI/ZD/13-02');
  });

  it('marks every document as example text', () => {
    expect(set.documents.filter((d) => d.data.example !== true).map((d) => d.path)).toEqual([]);
  });
});
