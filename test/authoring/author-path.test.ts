/**
 * The author's whole path on a temporary copy of the example, in its own Git repository: new documents
 * with npm run new, the mistakes Chinese authors make and what the check says about each, the
 * pre-commit check, a revision of a procedure and its regulation on a branch, check --base with the
 * change summary, and one build. Each step asserts what the author sees (issue 24).
 */
import type { JsonFinding } from '../../src/diagnostics/format-json.ts';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCommand } from '../../src/cli/new-command.ts';
import { preCommitCheck } from '../../src/cli/pre-commit-command.ts';
import { checkCommand } from '../../src/cli/check-command.ts';
import { buildSite } from '../../src/site/build/build-site.ts';
import { exampleSet, projectRoot } from './helpers.ts';

const today = '2026-11-23';
const root = exampleSet();
cpSync(join(projectRoot, '.gitignore'), join(root, '.gitignore'));

const procedure = 'content/procedures/jmi-cx-19.mdx';
const regulation = 'content/regulations/jmi-zd-19-01.mdx';
const record = 'content/records/jmi-jl-19-01.mdx';
const flow = 'content/flows/jmi-lc-19-01.mdx';

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
}
function commit(message: string, date: string): void {
  git('add', '-A');
  execFileSync('git', ['commit', '-q', '-m', message], { cwd: root, env: { ...process.env, GIT_AUTHOR_DATE: `${date}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${date}T10:00:00+08:00` } });
}
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const edit = (path: string, change: (text: string) => string) => writeFileSync(join(root, path), change(read(path)));
/** Line number (1-based) of the first line containing `text`. */
const lineOf = (path: string, text: string) => read(path).split('\n').findIndex((l) => l.includes(text)) + 1;

/** The findings npm run check reports (JSON), and its exit code. */
function check(...extra: string[]): { exitCode: number; findings: JsonFinding[] } {
  const result = checkCommand(['--format', 'json', '--today', today, '--no-cache', '--no-flowcharts', ...extra], { cwd: root });
  return { exitCode: result.exitCode, findings: JSON.parse(result.stdout) as JsonFinding[] };
}
const shown = (f: JsonFinding) => `${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.message}  ${f.ruleId}`;

/** Raises a document to `version` with its revision record, effective date and a new closing line. */
function revise(path: string, version: string, revised: string, effective: string, summary: string): void {
  edit(path, (text) =>
    text
      .replace(/^version: .*$/m, `version: ${version}`)
      .replace(/^effectiveDate: .*$/m, `effectiveDate: ${effective}`)
      .replace(/^(revisions:\n(?: {2}.*\n)+)/m, `$1  - version: ${version}\n    date: ${revised}\n    summary: ${summary}\n    author: 孙晓燕\n`)
      .concat(`\n（${summary}）\n`),
  );
}

describe("the author's path, on a copy of the example", () => {
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', '孙晓燕');
  git('config', 'user.email', 'sxy@example.edu.cn');
  git('config', 'commit.gpgsign', 'false');
  commit('示例文件体系', '2026-11-20');

  it('1. npm run new creates a procedure and its regulation, record and flow, each listed in the procedure', async () => {
    git('switch', '-q', '-c', 'lab-safety');
    const made: string[] = [];
    for (const argv of [
      ['--type', 'procedure', '--title', '实验室安全管理', '--owner', '教务处'],
      ['--type', 'regulation', '--title', '实验室安全管理办法', '--owner', '教务处', '--procedure', 'JMI/CX/19'],
      ['--type', 'record', '--title', '实验室安全检查记录表', '--owner', '教务处', '--procedure', 'JMI/CX/19'],
      ['--type', 'flow', '--title', '实验室安全检查流程', '--owner', '教务处', '--procedure', 'JMI/CX/19'],
    ]) {
      const result = await newCommand([...argv, '--today', today, '--author', '孙晓燕', '--yes'], { cwd: root });
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stdout).toContain('✔ 检查：新文件和所属程序没有问题');
      made.push(result.stdout.split('\n')[0]!);
    }
    expect(made).toEqual([
      `✔ 已新建程序文件 JMI/CX/19：${procedure}`,
      `✔ 已新建制度 JMI/ZD/19-01：${regulation}`,
      `✔ 已新建质量记录 JMI/JL/19-01：${record}`,
      `✔ 已新建流程 JMI/LC/19-01：${flow}`,
    ]);
    // References are written once: the procedure lists its documents as bare [[编号]], shown as 编号《标题》.
    expect(read(procedure)).toContain('## 6 质量记录\n\n1. [[JMI/JL/19-01]]\n');
    expect(read(regulation)).toContain('第一条 为落实 [[JMI/CX/19]] 程序');
    expect(check().findings).toEqual([]);
  });

  it('2. a full-width colon after a key is named and pointed at, with the corrected line', () => {
    edit(record, (t) => t.replace('title: 实验室安全检查记录表', 'title：实验室安全检查记录表'));
    const { exitCode, findings } = check();
    expect(exitCode).toBe(1);
    expect(findings.map(shown)).toEqual([`${record}:4:6  error  字段名 "title" 后面是全角冒号“：”，YAML 只认半角冒号“:”加一个空格。改成：title: 实验室安全检查记录表  syntax/yaml`]);
    edit(record, (t) => t.replace('title：', 'title: '));
  });

  it('3. an unquoted [[编号]] list item is told to take quotes; the title after it is reported as written twice', () => {
    edit(flow, (t) => t.replace('inputs: []', 'inputs:\n  - [[JMI/JL/19-01]] 实验室安全检查记录表\n'));
    const line = lineOf(flow, '  - [[JMI/JL/19-01]]');
    expect(check().findings.map(shown)).toEqual([
      `${flow}:${line}:5  error  以 [[ 开头的值要加引号：YAML 把 [ 当作列表的开始。把这一行改成：- "[[JMI/JL/19-01]] 实验室安全检查记录表"  syntax/yaml`,
    ]);
    edit(flow, (t) => t.replace('  - [[JMI/JL/19-01]] 实验室安全检查记录表', '  - "[[JMI/JL/19-01]] 实验室安全检查记录表"'));
    expect(check().findings.map(shown)).toEqual([
      `${flow}:${line}:5  warning  [[JMI/JL/19-01]] 后面又写了它的名称“实验室安全检查记录表”：[[编号]] 在网站和 PDF 中已显示为 JMI/JL/19-01《实验室安全检查记录表》，名称会出现两次。请删去后面的名称，只写 [[JMI/JL/19-01]]  ref/title-repeated`,
    ]);
    edit(flow, (t) => t.replace('"[[JMI/JL/19-01]] 实验室安全检查记录表"', '"[[JMI/JL/19-01]]"'));
    expect(check().findings).toEqual([]);
  });

  it('4. 各二级学院 as a department is pointed to the group 教学单位, saying that groups exist', () => {
    edit(procedure, (t) => t.replace('owners: [教务处]', 'owners: [教务处]\ncooperating: [各二级学院]'));
    expect(check().findings.map(shown)).toEqual([
      `${procedure}:8:15  error  未知部门 "各二级学院"：要指一组部门时写部门组的名称。organization.yaml 的 groups 中有部门组 "教学单位"（包括 航海学院、轮机工程学院 等 8 个部门），是否要写 "教学单位"？  org/unknown-department`,
    ]);
    edit(procedure, (t) => t.replace('cooperating: [各二级学院]', 'cooperating: [教学单位]'));
  });

  it('5. one Tab gives one finding at the Tab, not a cascade', () => {
    edit(regulation, (t) => t.replace('  - version: A/0', '\t- version: A/0'));
    expect(check().findings.map(shown)).toEqual([`${regulation}:${lineOf(regulation, '\t- version')}:1  error  YAML 不能用 Tab 缩进，请改用空格（Tabs are not allowed as indentation）  syntax/yaml`]);
    edit(regulation, (t) => t.replace('\t- version: A/0', '  - version: A/0'));
  });

  it('6. retention 毕业后5年 is accepted (declared in organization.yaml); a wrong column kind is named as a person reads it', () => {
    edit(record, (t) => t.replace('retention: 3年', 'retention: 毕业后5年').replace('fields:\n', 'fields:\n  - label: 检查明细\n    kind: table\n    columns: [{ label: 项目 }, { label: 结果, kind: choise }]\n'));
    const line = lineOf(record, 'kind: choise');
    expect(check().findings.map(shown)).toEqual([
      `${record}:${line}:49  error  第 1 个字段「检查明细」的第 2 列「结果」的 "kind" 的值 "choise" 无效，是否要写 "choice"？应为 "text"、"number"、"date"、"choice"、"checkbox" 之一  schema/type`,
    ]);
    edit(record, (t) => t.replace('kind: choise', 'kind: choice, options: [合格, 不合格]'));
    expect(check().findings).toEqual([]);
  });

  it('7. the pre-commit check says 未暂存 for documents created but not added, then lets the commit through', () => {
    git('add', procedure);
    const blocked = preCommitCheck(root, { today });
    expect(blocked.exitCode).toBe(1);
    expect(blocked.stdout).toContain(`质量记录 "JMI/JL/19-01" 未暂存：${record} 在工作区中，但还没有加入这次提交。请运行 git add ${record}，再提交`);
    expect(blocked.stdout).not.toContain('不存在');
    git('add', 'content');
    expect(preCommitCheck(root, { today })).toMatchObject({ exitCode: 0 });
    commit('新建 JMI/CX/19 实验室安全管理及其制度、质量记录、流程', '2026-11-23');
    git('switch', '-q', 'main');
    execFileSync('git', ['merge', '-q', '--no-ff', '-m', '合并 lab-safety', 'lab-safety'], { cwd: root, env: { ...process.env, GIT_AUTHOR_DATE: '2026-11-24T10:00:00+08:00', GIT_COMMITTER_DATE: '2026-11-24T10:00:00+08:00' } });
  });

  it('8. a procedure and its regulation revised on one branch: neither waits on the other; the summary shows what a reviewer needs', () => {
    git('switch', '-q', '-c', 'revise-13');
    revise('content/procedures/jmi-cx-13.mdx', 'B/2', '2026-11-20', '2026-12-10', '按 JMI/ZD/13-02 A/2 调整发放范围');
    commit('JMI/CX/13 升版 B/2', '2026-12-01');
    revise('content/regulations/jmi-zd-13-02.mdx', 'A/2', '2026-11-20', '2026-12-10', '电子文件发放改为平台推送');
    commit('JMI/ZD/13-02 升版 A/2', '2026-12-02');

    const { exitCode, findings } = check('--base', 'main', '--summary', '变更摘要.md');
    expect(exitCode, findings.filter((f) => f.severity === 'error').map(shown).join('\n')).toBe(0);
    const suspects = findings.filter((f) => f.ruleId === 'ref/suspect');
    // Revised together: the procedure is not 待复核 for its regulation (by commit order it would be).
    expect(suspects.filter((f) => f.file === 'content/procedures/jmi-cx-13.mdx')).toEqual([]);
    expect(suspects.length).toBeGreaterThan(5);
    // Dated as the cited version records it, not by the commit.
    expect(suspects.find((f) => f.file === 'content/flows/jmi-lc-13-01.mdx')!.message).toContain('《文件与资料控制》(JMI/CX/13) 已换版为 B/2（2026-11-20 修订，2026-12-10 生效），本文件的当前版本早于此');

    const summary = read('变更摘要.md');
    const rows = (title: string) => summary.split(`### ${title}`)[1]!.split('\n### ')[0]!.split('\n').filter((l) => l.startsWith('| JMI'));
    expect(rows('修改')).toEqual([
      '| JMI/CX/13 | 文件与资料控制 | B/1 → B/2 | 按 JMI/ZD/13-02 A/2 调整发放范围 | 周志远 | 2026-12-10 |',
      '| JMI/ZD/13-02 | 受控文件管理办法 | A/1 → A/2 | 电子文件发放改为平台推送 | 赵德胜 | 2026-12-10 |',
    ]);
    const affected = rows('受影响文件');
    const together = '| JMI/CX/13 | 文件与资料控制 | JMI/ZD/13-02（支持性文件）、JMI/ZD/13-02（正文引用的文件） | 已确认（本次一并修改） |';
    // The two documents of the pull request cite each other: 已确认; everything else citing them: 待复核.
    expect(affected.filter((row) => !row.endsWith(' | 待复核 |'))).toEqual([together, expect.stringMatching(/^\| JMI\/ZD\/13-02 \| 受控文件管理办法 \| JMI\/CX\/13（[^|]+） \| 已确认（本次一并修改） \|$/)]);
    expect(affected.length).toBeGreaterThan(5);
    // Procedures first, then the manual and what supports them.
    const kinds = affected.map((row) => row.split(' | ')[0]!.slice(2).split('/')[1]);
    expect(kinds.indexOf('SC')).toBeGreaterThan(kinds.lastIndexOf('CX'));
    expect(kinds.lastIndexOf('CX')).toBeLessThan(kinds.indexOf('JL'));
    // The summary is for the reviewer, not for the repository.
    expect(git('status', '--porcelain')).toBe('');
  });

  it('9. one build: the check warnings are shown above 检查通过, and the flow shows its record once', { timeout: 300_000 }, async () => {
    edit(procedure, (t) => t.replace('## 1 目的\n\n', '## 1 目的\n\n按 [[JMI/ZD/19-01]] 实验室安全管理办法 执行。\n\n'));
    const lines: string[] = [];
    const outDir = join(root, 'dist');
    const result = await buildSite({ contentRoot: root, outDir, today, pdf: false, search: false, log: (line) => lines.push(line) });
    expect(result.exitCode, lines.join('\n')).toBe(0);
    const log = lines.join('\n');
    const warning = log.indexOf(`${procedure}:${lineOf(procedure, '按 [[JMI/ZD/19-01]]')}:3  warning  [[JMI/ZD/19-01]] 后面又写了它的名称“实验室安全管理办法”`);
    expect(warning).toBeGreaterThan(-1);
    // The two documents revised in step 8 have no evidence of approval yet (recorded when the pull request is merged).
    expect(log).toContain('content/procedures/jmi-cx-13.mdx:5:10  warning  现行版本 JMI/CX/13 B/2 没有批准证据');
    expect(log.search(/检查通过：\d+ 份受控文件，3 个警告（见上，不影响构建）/)).toBeGreaterThan(warning);

    const page = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).find((p) => /jmi-lc-19-01[/\\]index\.html$/.test(p) || p.endsWith('jmi-lc-19-01.html'));
    expect(page, 'the flow page').toBeDefined();
    const html = readFileSync(join(outDir, page!), 'utf8');
    expect(html).toContain('JMI/JL/19-01《实验室安全检查记录表》');
    expect(html).not.toMatch(/《实验室安全检查记录表》(?:<\/a>)?\s*实验室安全检查记录表/);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
  });
});
