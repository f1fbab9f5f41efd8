import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.ts';
import { newCommand } from '../../src/cli/new-command.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { emptySet, errorsOf, exampleSet, findingsIn, today } from './helpers.ts';

const author = ['--author', '张敏', '--today', today];

async function run(root: string, ...argv: string[]) {
  return newCommand([...argv, ...author], { cwd: root });
}

describe('npm run new on an empty document set (organisation and frameworks only)', () => {
  it('numbers the first procedure 01 and its children 01-01, 01-02, and every file passes the check', async () => {
    const root = emptySet();
    const p = await run(root, '--type', 'procedure', '--title', '实验室安全管理', '--owner', '后勤处');
    expect(p.stderr).toBe('');
    expect(p.stdout).toContain('已新建程序文件 JMI/CX/01：content/procedures/jmi-cx-01.mdx');
    for (const [type, title] of [['regulation', '实验室安全管理办法'], ['record', '实验室安全检查表'], ['flow', '实验室准入流程'], ['flow', '危险品领用流程']] as const) {
      const r = await run(root, '--type', type, '--title', title, '--owner', 'hqc', '--procedure', 'JMI/CX/01');
      expect(r.exitCode, r.stderr).toBe(0);
    }
    for (const path of ['regulations/jmi-zd-01-01', 'records/jmi-jl-01-01', 'flows/jmi-lc-01-01', 'flows/jmi-lc-01-02']) {
      expect(existsSync(join(root, `content/${path}.mdx`)), path).toBe(true);
    }
    const procedure = readFileSync(join(root, 'content/procedures/jmi-cx-01.mdx'), 'utf8');
    expect(procedure).toContain('regulations: [JMI/ZD/01-01]');
    expect(procedure).toContain('records: [JMI/JL/01-01]');
    expect(procedure).toContain('flows: [JMI/LC/01-01, JMI/LC/01-02]');
    expect(procedure).toContain('## 7 相关流程\n\n1. [[JMI/LC/01-01]]\n2. [[JMI/LC/01-02]]\n');
    // On an empty set the frameworks' clauses are uncovered (warnings); there is no error at all.
    expect(errorsOf(root)).toEqual([]);
    const warnings = runCheck(loadDocumentSet(root), { today }).filter((d) => d.ruleId !== 'coverage/uncovered-clause');
    expect(warnings).toEqual([]);
  });

  it('writes every required field and the standard sections of a procedure', async () => {
    const root = emptySet();
    await run(root, '--type', 'procedure', '--title', '实验室安全管理', '--owner', '后勤管理处');
    const text = readFileSync(join(root, 'content/procedures/jmi-cx-01.mdx'), 'utf8');
    expect(text.split('---\n')[1]).toMatch(/^type: procedure\nnumber: JMI\/CX\/01\ntitle: 实验室安全管理\nversion: A\/0\nstatus: draft\nowners: \[后勤处\]\npreparedBy: 张敏\n/);
    expect(text).toContain('revisions:\n  - version: A/0\n    date: 2026-11-22\n    summary: 首次编制\n    author: 张敏\n');
    const headings = text.split('\n---\n')[1]!.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual(['## 1 目的', '## 2 适用范围', '## 3 职责', '## 4 工作程序', '### 4.1 策划（P）', '### 4.2 实施（D）', '### 4.3 检查（C）', '### 4.4 改进（A）', '## 5 支持性文件', '## 6 质量记录', '## 7 相关流程']);
  });

  it('gives a flow a mermaid skeleton with the owner as a subgraph, and a regulation its chapters', async () => {
    const root = emptySet();
    await run(root, '--type', 'procedure', '--title', '文件控制', '--owner', '质管办');
    await run(root, '--type', 'flow', '--title', '文件借阅流程', '--owner', '档案馆', '--procedure', 'JMI/CX/01');
    await run(root, '--type', 'regulation', '--title', '文件管理办法', '--owner', '质管办', '--procedure', 'JMI/CX/01');
    const flow = readFileSync(join(root, 'content/flows/jmi-lc-01-01.mdx'), 'utf8');
    expect(flow).toContain('## 流程说明');
    expect(flow).toContain('```mermaid\nflowchart TD\n  subgraph owner["档案馆"]');
    expect(flow).toContain('procedure: JMI/CX/01');
    const regulation = readFileSync(join(root, 'content/regulations/jmi-zd-01-01.mdx'), 'utf8');
    expect(regulation.split('\n').filter((l) => l.startsWith('## '))).toEqual(['## 第一章 总则', '## 第二章 职责', '## 第三章 管理要求', '## 第四章 附则']);
    expect(regulation).toContain('第一条 为落实 [[JMI/CX/01]] 程序');
  });
});

describe('npm run new on a copy of the example', () => {
  it('assigns the next free numbers: procedure 19, flow 13-03, sub-procedures 08-7 then 08-8, standard 3-05, manual 11', async () => {
    const root = exampleSet();
    const numbers: string[] = [];
    for (const args of [
      ['--type', 'procedure', '--title', '实验室安全管理', '--owner', '后勤处'],
      ['--type', 'flow', '--title', '文件借阅流程', '--owner', '质管办', '--procedure', 'JMI/CX/13'],
      ['--type', 'procedure', '--sub-of', 'JMI/CX/08', '--title', '实践教学管理', '--owner', '教务处'],
      ['--type', 'procedure', '--sub-of', 'JMI/CX/08', '--title', '顶岗实习管理', '--owner', '教务处'],
      ['--type', 'standard', '--level', 'course', '--title', '课程建设标准', '--owner', '教务处'],
      ['--type', 'manual-section', '--title', '附录', '--owner', '质管办'],
    ]) {
      const r = await run(root, ...args);
      expect(r.exitCode, r.stderr).toBe(0);
      numbers.push(/已新建\S+ (\S+)：/.exec(r.stdout)![1]!);
    }
    expect(numbers).toEqual(['JMI/CX/19', 'JMI/LC/13-03', 'JMI/CX/08-7', 'JMI/CX/08-8', 'JMI/BZ/3-05', 'JMI/SC/11']);
    expect(readFileSync(join(root, 'content/manual/jmi-sc-11.mdx'), 'utf8')).toContain('part: elements\norder: 11\n');
    expect(errorsOf(root)).toEqual([]);
  });

  it('adds the new flow to the parent procedure and changes nothing else in it', async () => {
    const root = exampleSet();
    const path = join(root, 'content/procedures/jmi-cx-13.mdx');
    const before = readFileSync(path, 'utf8');
    const r = await run(root, '--type', 'flow', '--title', '文件借阅流程', '--owner', '质管办', '--procedure', 'JMI/CX/13');
    expect(r.stdout).toContain('JMI/CX/13 是现行文件，这一改动属于内容修改');
    const after = readFileSync(path, 'utf8');
    const expected = before
      .replace('flows: [JMI/LC/13-01, JMI/LC/13-02]\n', 'flows: [JMI/LC/13-01, JMI/LC/13-02, JMI/LC/13-03]\n')
      .replace('2. [[JMI/LC/13-02]]\n', '2. [[JMI/LC/13-02]]\n3. [[JMI/LC/13-03]]\n');
    expect(after).toBe(expected);
    // The effective parent now lists a draft: a warning until both are issued together (lifecycle/relies-on-draft).
    expect(findingsIn(root, ['content/flows/jmi-lc-13-03.mdx', 'content/procedures/jmi-cx-13.mdx'])).toEqual([
      expect.stringMatching(/^warning lifecycle\/relies-on-draft content\/procedures\/jmi-cx-13\.mdx:\d+$/),
      expect.stringMatching(/^warning lifecycle\/relies-on-draft content\/procedures\/jmi-cx-13\.mdx:\d+$/),
    ]);
  });

  it('leaves a table of records alone and says so, but still lists the record in the frontmatter', async () => {
    const root = exampleSet();
    const r = await run(root, '--type', 'record', '--title', '文件借阅登记表', '--owner', '质管办', '--procedure', 'JMI/CX/13');
    expect(r.stdout).toContain('已新建质量记录 JMI/JL/13-04');
    expect(r.stdout).toContain('正文中的清单请手工补上');
    const parent = readFileSync(join(root, 'content/procedures/jmi-cx-13.mdx'), 'utf8');
    expect(parent).toContain('records: [JMI/JL/13-01, JMI/JL/13-02, JMI/JL/13-03, JMI/JL/13-04]\n');
    // The effective parent now lists a draft (a warning until both are issued together), and its records
    // table, left alone as the command said, does not list the new record yet (cite/list-mismatch).
    expect(findingsIn(root, ['content/records/jmi-jl-13-04.mdx', 'content/procedures/jmi-cx-13.mdx'])).toEqual([
      expect.stringMatching(/^warning lifecycle\/relies-on-draft content\/procedures\/jmi-cx-13\.mdx:\d+$/),
      expect.stringMatching(/^error cite\/list-mismatch content\/procedures\/jmi-cx-13\.mdx:\d+$/),
    ]);
  });

  it('skips a number taken by a file with another name (collision), so the next flow is 13-04', async () => {
    const root = exampleSet();
    const stray = readFileSync(join(root, 'content/flows/jmi-lc-13-02.mdx'), 'utf8').replace('number: JMI/LC/13-02', 'number: JMI/LC/13-03');
    writeFileSync(join(root, 'content/flows/borrowing.mdx'), stray);
    const r = await run(root, '--type', 'flow', '--title', '文件借阅流程', '--owner', '质管办', '--procedure', 'JMI/CX/13');
    expect(r.stdout).toContain('已新建流程 JMI/LC/13-04：content/flows/jmi-lc-13-04.mdx');
  });

  it('refuses a taken number, an ill-formed one, one of another procedure, and never overwrites a file', async () => {
    const root = exampleSet();
    const taken = await run(root, '--type', 'procedure', '--number', 'JMI/CX/13', '--title', 'x', '--owner', '质管办');
    expect(taken).toMatchObject({ exitCode: 1, stdout: '' });
    expect(taken.stderr).toContain('编号 "JMI/CX/13" 已被使用');
    const illFormed = await run(root, '--type', 'procedure', '--number', 'JMI/CX/8', '--title', 'x', '--owner', '质管办');
    expect(illFormed.stderr).toContain('编号 "JMI/CX/8" 不符合程序文件的编号规则 ^JMI/CX/\\d{2}(-\\d)?$');
    const otherParent = await run(root, '--type', 'flow', '--number', 'JMI/LC/14-09', '--title', 'x', '--owner', '质管办', '--procedure', 'JMI/CX/13');
    expect(otherParent.stderr).toContain('编号 "JMI/LC/14-09" 不属于程序 JMI/CX/13：应以 "JMI/LC/13-" 开头');
    // A file already at the path of a free number (its frontmatter names another number): refused, untouched.
    writeFileSync(join(root, 'content/procedures/jmi-cx-20.mdx'), 'draft by hand\n');
    const exists = await run(root, '--type', 'procedure', '--number', 'JMI/CX/20', '--title', 'x', '--owner', '质管办');
    expect(exists.stderr).toContain('content/procedures/jmi-cx-20.mdx 已经存在，不会覆盖');
    expect(readFileSync(join(root, 'content/procedures/jmi-cx-20.mdx'), 'utf8')).toBe('draft by hand\n');
  });

  it('takes a free number given with --number and a sub-number for a procedure', async () => {
    const root = exampleSet();
    const r = await run(root, '--type', 'procedure', '--number', 'JMI/CX/11-3', '--title', '继续教育培训管理', '--owner', '继教处');
    expect(r.stdout).toContain('已新建程序文件 JMI/CX/11-3：content/procedures/jmi-cx-11-3.mdx');
    const f = await run(root, '--type', 'flow', '--title', '培训报名流程', '--owner', '继教处', '--procedure', 'JMI/CX/11-3');
    expect(f.stdout).toContain('已新建流程 JMI/LC/11-3-01');
    expect(errorsOf(root)).toEqual([]);
  });

  it('explains a missing parent, an unknown parent and an unknown department', async () => {
    const root = exampleSet();
    expect((await run(root, '--type', 'record', '--title', 'x', '--owner', '质管办')).stderr).toContain('质量记录必须属于一个程序文件');
    expect((await run(root, '--type', 'record', '--title', 'x', '--owner', '质管办', '--procedure', 'JMI/CX/133')).stderr).toContain('程序文件 "JMI/CX/133" 不存在，是否要写 "JMI/CX/13"？');
    expect((await run(root, '--type', 'record', '--title', 'x', '--owner', '质管', '--procedure', 'JMI/CX/13')).stderr).toContain('organization.yaml 中没有部门 "质管"，是否要写 "质管办"？');
    expect((await run(root, '--type', 'record', '--title', 'x', '--owner', '教学单位', '--procedure', 'JMI/CX/13')).stderr).toContain('"教学单位" 是部门组');
  });

  it('asks for what is missing, in Chinese, when a prompter (a terminal) is given', async () => {
    const root = exampleSet();
    const answers = ['3', '文件借阅流程', '质管办', 'JMI/CX/13', 'y'];
    const said: string[] = [];
    const asked: string[] = [];
    const prompter = {
      ask: async (q: string) => (asked.push(q), answers.shift() ?? ''),
      say: (t: string) => void said.push(t),
      close: () => {},
    };
    const r = await newCommand(['--author', '张敏', '--today', today], { cwd: root, prompter });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(said[0]).toBe('要新建哪一类文件？');
    expect(said).toContain('   3. 流程（flow）');
    expect(asked).toEqual(['请输入序号：', '文件名称（如 实验室安全管理）：', '请输入序号：', '请输入序号：', '确认新建？(Y/n)：']);
    expect(said.at(-1)).toBe('将新建流程 JMI/LC/13-03：content/flows/jmi-lc-13-03.mdx\n并在 JMI/CX/13 的 flows 中加入 JMI/LC/13-03（content/procedures/jmi-cx-13.mdx）');
    expect(existsSync(join(root, 'content/flows/jmi-lc-13-03.mdx'))).toBe(true);
  });

  it('without a terminal, names the missing options instead of asking', async () => {
    const r = await newCommand(['--type', 'flow'], { cwd: exampleSet() });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^缺少 --title、--owner/);
  });
});

describe('npm run new in a terminal with every option given', () => {
  it('asks nothing and writes the file, as in a script', async () => {
    const root = exampleSet();
    const asked: string[] = [];
    const prompter = { ask: async (q: string) => (asked.push(q), 'n'), say: () => {}, close: () => {} };
    const r = await newCommand(['--type', 'procedure', '--title', '实验室安全管理', '--owner', '后勤处', ...author], { cwd: root, prompter });
    expect(asked).toEqual([]);
    expect(r.stdout).toContain('已新建程序文件 JMI/CX/19');
  });
});

describe('npm run new for another institution (only organization.yaml differs)', () => {
  it('numbers QM-CX-001, QM-JL-001-001 and writes version "1.0" as text, and the files pass the check', async () => {
    const root = emptySet();
    const orgPath = join(root, 'content/org/organization.yaml');
    const org = readFileSync(orgPath, 'utf8')
      .replace(/numbering:[\s\S]*?\n(?=# 版本方案)/, () => [
        'numbering:',
        "  manual-section: { pattern: '^QM-SC-\\d{2}$', example: QM-SC-01 }",
        "  procedure: { pattern: '^QM-CX-\\d{3}$', example: QM-CX-001 }",
        "  flow: { pattern: '^QM-LC-\\d{3}-\\d{2}$', example: QM-LC-001-01 }",
        "  standard: { pattern: '^QM-BZ-[1-5]-\\d{2}$', example: QM-BZ-1-01 }",
        "  regulation: { pattern: '^QM-ZD-\\d{3}-\\d{2}$', example: QM-ZD-001-01 }",
        "  record: { pattern: '^QM-JL-\\d{3}-\\d{3}$', example: QM-JL-001-001 }",
        '',
      ].join('\n'))
      .replace(/versionScheme:\n  style: letter-number\n  separator: \//, 'versionScheme:\n  style: number-number\n  separator: .');
    writeFileSync(orgPath, org);
    expect((await run(root, '--type', 'procedure', '--title', '教学质量监控', '--owner', '质管办')).stdout).toContain('已新建程序文件 QM-CX-001');
    expect((await run(root, '--type', 'record', '--title', '听课记录表', '--owner', '质管办', '--procedure', 'QM-CX-001')).stdout).toContain('已新建质量记录 QM-JL-001-001');
    const record = readFileSync(join(root, 'content/records/qm-jl-001-001.mdx'), 'utf8');
    expect(record).toContain('version: "1.0"\n');
    expect(record).toContain('  - version: "1.0"\n');
    expect(errorsOf(root)).toEqual([]);
  });
});

describe('titles that YAML or a reference would misread', () => {
  it('quotes them in the frontmatter and keeps references intact', async () => {
    const root = emptySet();
    await run(root, '--type', 'procedure', '--title', '质量: 方针 "A"', '--owner', '质管办');
    await run(root, '--type', 'flow', '--title', 'a|b]]c', '--owner', '质管办', '--procedure', 'JMI/CX/01');
    expect(readFileSync(join(root, 'content/procedures/jmi-cx-01.mdx'), 'utf8')).toContain('title: "质量: 方针 \\"A\\""\n');
    expect(readFileSync(join(root, 'content/procedures/jmi-cx-01.mdx'), 'utf8')).toContain('## 7 相关流程\n\n1. [[JMI/LC/01-01]]\n');
    expect(readFileSync(join(root, 'content/flows/jmi-lc-01-01.mdx'), 'utf8')).toContain('title: "a|b]]c"\n');
    expect(errorsOf(root)).toEqual([]);
  });
});
