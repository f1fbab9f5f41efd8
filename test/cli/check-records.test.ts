/** `npm run check-records`: filled records checked against the template version each one names. */
import type { JsonFinding } from '../../src/diagnostics/format-json.ts';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRecordsCommand } from '../../src/cli/check-records-command.ts';
import { isCalendarDate } from '../../src/model/calendar-date.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { recordJsonSchema, type SchemaTemplate } from '../../src/model/record-json-schema.ts';
import { recordAjv } from '../helpers/record-ajv.ts';
import { testRepo } from '../history/git-repo.ts';

const root = join(import.meta.dirname, '../..');
const folder = 'test/cli/fixtures/filled-records';


function run(args: string[], cwd = root): { exitCode: number; findings: JsonFinding[] } {
  const result = checkRecordsCommand([...args, '--format', 'json'], { cwd });
  return { exitCode: result.exitCode, findings: JSON.parse(result.stdout) as JsonFinding[] };
}

const at = (findings: JsonFinding[], file: string) => findings.filter((f) => f.file === `${folder}/${file}`).map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);

describe('check-records on the fixture records', () => {
  const { exitCode, findings } = run([folder]);

  it('exits 1 when a record has errors', () => {
    expect(exitCode).toBe(1);
  });

  it('accepts a well filled record saved by 在线填写', () => {
    expect(at(findings, 'well-filled-application.json')).toEqual([]);
  });

  it('reports a missing required field at values:, and values outside the options with their field path', () => {
    expect(at(findings, 'missing-required-and-bad-option.yaml')).toEqual([
      '5:1 error record-data/missing-required 必填栏目“申请部门”没有填写',
      '7:9 error record-data/not-an-option “申请类别”的值“重写”不在选项中：可选 新编、修改、换版、作废',
      '10:18 error record-data/not-an-option “申请理由”的值“领导要求”不在选项中：可选 上级文件或法规变化、组织机构或职责调整、定期评审结论、内部审核或外部审核发现、业务流程优化、其他',
      '13:16 error record-data/not-an-option “受影响的关联文件”第 1 行“是否需同步修改”的值“也许”不在选项中：可选 是、否、待复核',
    ]);
  });

  it('reports dates that are not calendar days: the record date, a field, a table cell and a signature', () => {
    expect(at(findings, 'dates-that-do-not-exist.json')).toEqual([
      '4:11 error record-data/invalid-date 填写日期“2026-02-30”不是有效日期：请写成 YYYY-MM-DD 的真实日期，如 2026-12-05',
      '7:13 error record-data/invalid-date “申请日期”的“2026-13-01”不是有效日期：请写成 YYYY-MM-DD 的真实日期',
      '12:50 error record-data/invalid-date “版本”第 1 行“拟生效日期”的“2027-02-29”不是有效日期：请写成 YYYY-MM-DD 的真实日期',
      '13:37 error record-data/invalid-date “申请部门负责人”的签名日期“2026/12/02”不是有效日期',
    ]);
  });

  it('reports a record made on a superseded version after the new version took effect', () => {
    const [superseded] = at(findings, 'old-version-after-the-new-one-took-effect.json');
    expect(superseded).toBe(
      '3:14 error record-data/superseded-version 记录填写于 2025-03-10，用的是表单 JMI/JL/13-01 的 A/0 版，但 B/0 版已于 2024-09-01 生效，A/0 版已被替代：请改用现行的 B/0 版表单重新填写',
    );
  });

  it('reports an unknown form number and an unknown version', () => {
    expect(at(findings, 'unknown-form-and-version.yaml')).toEqual(['1:7 error record-data/unknown-form 没有编号为“JMI/JL/99-01”的质量记录表单：请写表单上的记录编号，如 JMI/JL/13-01']);
    expect(at(findings, 'unknown-version.json')).toEqual(['1:38 error record-data/unknown-version 表单 JMI/JL/13-01《文件编制（修订）申请表》没有版本“C/0”：已有版本 A/0、B/0，现行为 B/0']);
  });

  it('prints the usual report: file:line:column, the source line with a caret, the count', () => {
    const out = checkRecordsCommand([`${folder}/missing-required-and-bad-option.yaml`], { cwd: root }).stdout;
    expect(out).toContain(`检查了 1 份填好的记录

${folder}/missing-required-and-bad-option.yaml:5:1  error  必填栏目“申请部门”没有填写  record-data/missing-required
  5 │ values:
    │ ^^^^^^
`);
    expect(out.trimEnd().endsWith('✖ 4 个错误，⚠ 0 个警告')).toBe(true);
  });

  it('exits 0 on good records, 2 without a folder', () => {
    expect(run([`${folder}/well-filled-application.json`]).exitCode).toBe(0);
    expect(checkRecordsCommand([], { cwd: root }).exitCode).toBe(2);
    expect(checkRecordsCommand(['no-such-folder'], { cwd: root }).stderr).toBe('找不到 no-such-folder：请给出记录所在的文件夹或文件\n');
  });
});

describe('the published JSON Schema agrees', () => {
  it('accepts the record check-records accepts, and rejects those with missing fields, bad options or another version', () => {
    const set = loadDocumentSet(root);
    const template = set.documents.find((d) => d.data.number === 'JMI/JL/13-01')!.data as SchemaTemplate;
    const validate = recordAjv().compile(recordJsonSchema(template));
    const read = (file: string) => parse(readFileSync(join(root, folder, file), 'utf8')) as unknown;
    expect(validate(read('well-filled-application.json'))).toBe(true);
    for (const file of ['missing-required-and-bad-option.yaml', 'old-version-after-the-new-one-took-effect.json', 'unknown-version.json']) expect(validate(read(file)), file).toBe(false);
  });
});

describe('real calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-1-5', false],
  ])('%s → %s', (text, ok) => {
    expect(isCalendarDate(text)).toBe(ok);
  });
});

describe('a record checked against the version it names, read from Git', () => {
  it('checks a record on A/0 against the A/0 form until B/0 takes effect, and flags it after', () => {
    const repo = testRepo();
    const path = 'content/records/jmi-jl-13-01.mdx';
    repo.commit('A/0', '刘明华', '2024-08-20');
    // B/0 renames a field and takes effect on 2025-09-01.
    repo.edit(path, (t) =>
      t
        .replace('version: A/0', 'version: B/0')
        .replace('effectiveDate: 2024-09-01', 'effectiveDate: 2025-09-01')
        .replace('    author: 刘明华\n', '    author: 刘明华\n  - version: B/0\n    date: 2025-08-20\n    summary: 申请部门改为申请单位\n    author: 孙晓燕\n')
        .replace('label: 申请部门', 'label: 申请单位'),
    );
    repo.commit('B/0', '孙晓燕', '2025-08-20');
    const record = (date: string) => JSON.stringify({ form: 'JMI/JL/13-01', version: 'A/0', date, values: { 申请部门: '教务处', 申请类别: '修改' } });
    writeFileSync(join(repo.root, 'before.json'), record('2025-06-01'));
    writeFileSync(join(repo.root, 'after.json'), record('2025-10-08'));
    const before = run(['before.json'], repo.root);
    expect(before.findings).toEqual([]);
    expect(before.exitCode).toBe(0);
    const after = run(['after.json'], repo.root);
    expect(after.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([
      'record-data/superseded-version 记录填写于 2025-10-08，用的是表单 JMI/JL/13-01 的 A/0 版，但 B/0 版已于 2025-09-01 生效，A/0 版已被替代：请改用现行的 B/0 版表单重新填写',
    ]);
    // The same values on the current form: 申请部门 is no field of B/0.
    writeFileSync(join(repo.root, 'current.json'), JSON.stringify({ form: 'JMI/JL/13-01', version: 'B/0', date: '2025-10-08', values: { 申请部门: '教务处' } }));
    expect(run(['current.json'], repo.root).findings.map((f) => f.ruleId)).toEqual(['record-data/missing-required', 'record-data/unknown-field']);
  });
});

describe('a record on a form that was made obsolete', () => {
  it('is an error from the day the form became obsolete in Git, and fine before', () => {
    const repo = testRepo();
    const path = 'content/records/jmi-jl-13-01.mdx';
    repo.commit('A/0', '刘明华', '2024-08-20');
    repo.edit(path, (t) => t.replace('status: effective', 'status: obsolete'));
    repo.commit('作废文件编制申请表', '孙晓燕', '2025-11-03');
    const record = (date: string) => JSON.stringify({ form: 'JMI/JL/13-01', version: 'A/0', date, values: { 申请部门: '教务处' } });
    writeFileSync(join(repo.root, 'before.json'), record('2025-11-02'));
    writeFileSync(join(repo.root, 'after.json'), record('2025-11-03'));
    expect(run(['before.json'], repo.root).findings).toEqual([]);
    expect(run(['after.json'], repo.root).findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([
      '1:9 record-data/obsolete-form 记录填写于 2025-11-03，但表单 JMI/JL/13-01《文件编制申请表》已于 2025-11-03 作废：请改用现行表单',
    ]);
  });
});

describe('shoukong check-records', () => {
  it('runs the same command as npm run check-records', () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts/shoukong.ts'), 'check-records', folder], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('检查了 6 份填好的记录');
  });
});
