/** `node scripts/check.ts` end to end, as an author and CI run it: output, formats and exit codes. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { baseDir, buildSet, fixtureToday, removeSet } from '../helpers/fixture-set.ts';

const script = fileURLToPath(new URL('../../scripts/check.ts', import.meta.url));
const roots: string[] = [];
afterAll(() => roots.forEach(removeSet));

const procedure = 'content/procedures/jmi-cx-13.mdx';
const record = 'content/records/jmi-jl-13-01.mdx';
const baseText = (path: string) => readFileSync(join(baseDir, path), 'utf8');

/** A set with three planted defects: a misspelt record number, an unknown department and a field typo. */
const broken = buildSet({
  [procedure]: baseText(procedure).replace('records: [JMI/JL/13-01]', 'records: [JMI/JL/13-01, JMI/JL/13-11]'),
  [record]: baseText(record).replace('keeper: 质管办', 'keeper: 质量办').replace('retention: 长期', 'retension: 长期'),
});
const clean = buildSet();
roots.push(broken, clean);

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check', () => {
  it('runs on the Node that runs the tests, which strips TypeScript types', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
  });

  it('reports every planted defect with its place and exits 1', () => {
    const { code, stdout, stderr } = run('--root', broken, '--today', fixtureToday, '--no-cache');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toMatchInlineSnapshot(`
      "检查了 6 份受控文件

      content/procedures/jmi-cx-13.mdx:23:25  error  质量记录 "JMI/JL/13-11" 不存在，是否要写 "JMI/JL/13-01"？  ref/unknown-target
        23 │ records: [JMI/JL/13-01, JMI/JL/13-11]
           │                         ^^^^^^^^^^^^

      content/records/jmi-jl-13-01.mdx:1:1  error  缺少必填字段 "retention"（保存期限，按 organization.yaml 中 retention.forms 的写法，如 3年、6个月、长期、永久、毕业后5年）  schema/required
        1 │ ---
          │ ^^^

      content/records/jmi-jl-13-01.mdx:16:9  error  未知部门 "质量办"，是否要写 "质管办"？  org/unknown-department
        16 │ keeper: 质量办
           │         ^^^^^^

      content/records/jmi-jl-13-01.mdx:17:1  error  未知字段 "retension"，是否要写 "retention"？  schema/unknown-field
        17 │ retension: 长期
           │ ^^^^^^^^^

      ✖ 4 个错误，⚠ 0 个警告
      要求覆盖（已覆盖/条款数）：ISO 9001:2015 3/3
      "
    `);
  });

  it('--format json parses and carries rule, place and message', () => {
    const { code, stdout } = run('--root', broken, '--today', fixtureToday, '--no-cache', '--format', 'json');
    expect(code).toBe(1);
    const findings = JSON.parse(stdout) as { file: string; line: number; column: number; ruleId: string }[];
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      `${procedure}:23:25 ref/unknown-target`,
      `${record}:1:1 schema/required`,
      `${record}:16:9 org/unknown-department`,
      `${record}:17:1 schema/unknown-field`,
    ]);
  });

  it('--format github prints one annotation per finding', () => {
    const { code, stdout } = run('--root', broken, '--today', fixtureToday, '--no-cache', '--format', 'github');
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => /^::error file=content\/[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z]+\/[a-z-]+::/.test(l))).toBe(true);
    expect(lines[2]).toContain('file=content/records/jmi-jl-13-01.mdx,line=16,col=9');
  });

  it('exits 0 on a clean set and says so', () => {
    const { code, stdout } = run('--root', clean, '--today', fixtureToday, '--no-cache');
    expect(code).toBe(0);
    expect(stdout).toContain('✔ 没有发现问题');
  });

  it('writes a parse cache and gives the same report from it', () => {
    const first = run('--root', broken, '--today', fixtureToday, '--format', 'json');
    const folders = readdirSync(join(broken, '.cache/shoukong')).filter((name) => name.startsWith('parse-'));
    expect(folders).toHaveLength(1);
    // Six documents, organization.yaml and one framework, each in its own shard here.
    expect(readdirSync(join(broken, '.cache/shoukong', folders[0]!)).filter((name) => name.endsWith('.json'))).toHaveLength(8);
    const second = run('--root', broken, '--today', fixtureToday, '--format', 'json');
    expect(second.stdout).toBe(first.stdout);
    expect(second.code).toBe(1);
  });

  it('exits 2 with usage on bad arguments', () => {
    const unknownOption = run('--bogus');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain('用法：npm run check');
    const badFormat = run('--format', 'xml');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('未知的输出格式 "xml"');
    expect(run('--today', '2025/06/01').code).toBe(2);
  });

  it('--coverage lists every clause of every framework with the documents that cover it', () => {
    const { code, stdout } = run('--root', clean, '--today', fixtureToday, '--no-cache', '--coverage');
    expect(code).toBe(0);
    expect(stdout.slice(stdout.indexOf('要求覆盖'))).toMatchInlineSnapshot(`
      "要求覆盖（已覆盖/条款数）：ISO 9001:2015 3/3

      ISO 9001:2015
        ✔ 7.5 成文信息  ← JMI/SC/07
          ✔ 7.5.1 总则  （由上级条款或全部下级条款覆盖）
          ✔ 7.5.3 成文信息的控制  （由上级条款或全部下级条款覆盖）
        ✔ 8 运行  ← JMI/CX/13

      "
    `);
  });
});

describe('the shoukong command', () => {
  const shoukong = fileURLToPath(new URL('../../scripts/shoukong.ts', import.meta.url));
  const cli = (...args: string[]) => spawnSync(process.execPath, [shoukong, ...args], { encoding: 'utf8' });

  it('runs check with the same options and exit code', () => {
    const result = cli('check', '--root', broken, '--today', fixtureToday, '--no-cache', '--format', 'json');
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toHaveLength(4);
  });

  it('exits 2 and lists the commands when none is given', () => {
    const result = cli();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('用法：shoukong <命令>');
  });
});
