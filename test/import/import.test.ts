/** Word import: what each typical layout becomes, bad input, no overwriting, and the check afterwards. */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCommand } from '../../src/cli/import-command.ts';
import { parseFile } from '../../src/model/parse-file.ts';
import { testTempDir } from '../helpers/temp-dir.ts';
import { badFixtures, goodFixtures } from '../../scripts/lib/word-fixtures.ts';

const example = join(import.meta.dirname, '../../content');
const facts = {
  number: 'JMI/CX/20',
  title: '文件与资料控制',
  version: 'B/0',
  effectiveDate: '2024-09-01',
  owner: '质管办',
  regulations: [{ number: 'JMI/ZD/13-02', title: '受控文件管理办法' }],
  records: [{ number: 'JMI/JL/13-01', title: '文件编制（修订）申请表' }],
};

let root: string;
let output: string;
let exitCode: number;

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await importCommand(args, { cwd: root, out: (t) => (out += t), err: (t) => (err += t), today: '2026-12-01' });
  return { code, out, err };
}

function read(path: string): { data: Record<string, unknown>; body: string; text: string } {
  const text = readFileSync(join(root, path), 'utf8');
  const parsed = parseFile(path, new TextEncoder().encode(text));
  return { data: parsed.data as Record<string, unknown>, body: text.slice(text.indexOf('\n---\n') + 5), text };
}

beforeAll(async () => {
  root = testTempDir('import-');
  cpSync(example, join(root, 'content'), { recursive: true });
  mkdirSync(join(root, 'word'));
  for (const [name, bytes] of Object.entries({ ...(await goodFixtures(facts)), ...badFixtures() })) writeFileSync(join(root, 'word', name), bytes);
  const result = await run(['word', 'word/说明.txt']);
  output = result.out;
  exitCode = result.code;
});

describe('npm run import', () => {
  it('reports each bad file with one Chinese error, imports the rest and exits 1', () => {
    expect(exitCode).toBe(1);
    expect(output).toContain('✖ word/旧格式.doc：这是旧版 Word 二进制文件（.doc），不能直接导入：请用 Word 或 WPS 打开，“另存为” Word 文档（.docx）后再导入');
    expect(output).toContain('✖ word/加密.docx：这个 Word 文件设有打开密码（已加密），不能读取');
    expect(output).toContain('✖ word/损坏.docx：这个 .docx 文件已损坏，无法读取');
    expect(output).toContain('✖ word/说明.txt：这不是 Word 文件（.docx）');
    expect(output).toContain('✖ word/表格.docx：这不是 Word 文件（.docx）');
    expect(output).toContain('✔ word/01 程序文件（表头）.docx → content/procedures/jmi-cx-20.mdx（程序文件 JMI/CX/20 文件与资料控制，草稿）');
    expect(output).toContain('导入完成：写出 6 份草稿，5 个文件未导入（见上面的 ✖）。');
  });

  it('maps a procedure with a header table: number, version, sign-off, owner, revisions, typed references', () => {
    const { data, body } = read('content/procedures/jmi-cx-20.mdx');
    expect(data).toMatchObject({
      type: 'procedure',
      number: 'JMI/CX/20',
      title: '文件与资料控制',
      version: 'B/0',
      status: 'draft',
      owners: ['质管办'],
      effectiveDate: '2024-09-01',
      preparedBy: '孙晓燕',
      reviewedBy: '刘明华',
      approvedBy: '周志远',
      regulations: ['JMI/ZD/13-02'],
      records: ['JMI/JL/13-01'],
    });
    expect(data.revisions).toEqual([
      { version: 'A/0', date: '2019-09-01', summary: '首次发布', author: '刘明华' },
      { version: 'A/1', date: '2021-03-10', summary: '增加定期评审要求', author: '刘明华' },
      { version: 'B/0', date: '2024-09-01', summary: '换版，改为版本库管理', author: '孙晓燕' },
    ]);
    // The header table, the page number and the revision table are not left in the body.
    expect(body).not.toContain('文件编号');
    expect(body).not.toContain('第1页');
    expect(body).not.toContain('修订记录');
    expect(body).toContain('## 1 目的\n');
    expect(body).toContain('### 4.1 策划\n');
    expect(body).toContain('1. 提出申请。\n   1. 分支起草。\n2. 评审。');
    expect(body).toContain('[[JMI/ZD/13-02]] 受控文件管理办法');
    expect(body).toContain('| 记录编号 | 记录名称 | 保管部门 | 保存期限 |\n| - | - | - | - |\n| [[JMI/JL/13-01]] | 文件编制（修订）申请表 | 质管办 | 长期 |');
    // Word text that MDX would read as code stays text.
    expect(body).toContain('x \\< y 且 \\{a} 不是代码');
  });

  it('maps a regulation with chapters: 第X章 become headings, 发文字号 is kept, a javascript: text stays text', () => {
    const { data, body } = read('content/regulations/jmi-zd-13-09.mdx');
    expect(data).toMatchObject({ type: 'regulation', number: 'JMI/ZD/13-09', title: '受控文件管理细则', version: 'A/0', effectiveDate: '2026-09-01', issuedAs: '江海院〔2026〕31号', status: 'draft' });
    expect(body.match(/^## .*/gm)).toEqual(['## 第一章 总则', '## 第二章 编制与审批', '## 第三章 附则']);
    expect(body).toContain('\n第五条 本细则由质管办负责解释');
    expect(body).not.toMatch(/\]\(javascript:/);
  });

  it('turns a record form that is one big table into form fields, with keeper, retention and procedure', () => {
    const { data, body } = read('content/records/jmi-jl-13-09.mdx');
    expect(data).toMatchObject({ type: 'record', number: 'JMI/JL/13-09', title: '文件借阅登记表', keeper: '质管办', retention: '3年', procedure: 'JMI/CX/13' });
    expect(data.fields).toEqual([
      { label: '借阅部门', kind: 'text' },
      { label: '借阅日期', kind: 'date' },
      { label: '文件编号与名称', kind: 'text' },
      { label: '借阅理由', kind: 'textarea' },
      { label: '借阅人签字', kind: 'signature' },
      { label: '归还日期', kind: 'date' },
      { label: '审批意见', kind: 'textarea' },
      { label: '部门负责人签字', kind: 'signature' },
    ]);
    expect(body.trim()).toBe('');
  });

  it('reads first lines instead of a header table, keeps bold and numbered lists, and reports an unknown reference', () => {
    const { data, body } = read('content/procedures/jmi-cx-19.mdx');
    expect(data).toMatchObject({ number: 'JMI/CX/19', title: '信息化项目管理程序', version: 'A/0', owners: ['现教中心'], preparedBy: '张明', reviewedBy: '李华', approvedBy: '王强', effectiveDate: '2026-03-01', regulations: ['JMI/ZD/17-01'], records: ['JMI/JL/17-01'] });
    expect(body).toContain('规范信息化项目的**立项、实施和验收**。');
    expect(body).toContain('1. 项目立项。\n2. 项目实施。\n   1. 阶段检查。\n3. 项目验收。');
    expect(output).toContain('content/procedures/jmi-cx-19.mdx:35:1  warning  “JMI/ZD/99-01 不存在的办法”中的编号 JMI/ZD/99-01 在文件体系中不存在，未列入引用：先导入或新建该文件，再在文件头中加上它  import/unresolved-ref');
  });

  it('keeps web links, drops javascript: and file: links (reported) and escapes HTML and braces', () => {
    const { body } = read('content/procedures/jmi-cx-19.mdx');
    expect(body).toContain('参见 [信息公开网](https://www.example.edu.cn/xxgk/)、点这里、本机文件。\\<script>alert(1)\\</script> \\{process.env.HOME}');
    expect(body).not.toMatch(/javascript:|file:/);
    expect(output).toContain('warning  链接 "javascript:alert(document.cookie)" 不是 http(s) 或 mailto 地址，已去掉链接、保留文字：如需要，请改为网址或 [[编号]] 引用  import/unsafe-link');
    expect(output).toContain('warning  链接 "file:///C:/Users/admin/secret.docx" 不是 http(s) 或 mailto 地址');
  });

  it('notes merged cells under the table and copies the image next to the document', () => {
    const { data, body } = read('content/standards/jmi-bz-2-09.mdx');
    expect(data).toMatchObject({ type: 'standard', number: 'JMI/BZ/2-09', level: 'major' });
    expect(body).toContain('| 指标 | 标准值 | |\n| - | - | - |\n| | 合格 | 优秀 |\n| 课程开出率 | 95% | 100% |\n\n注：原 Word 表格有合并单元格（第 1 行“指标”跨 2 行；第 1 行“标准值”跨 2 列），导入后合并处为空单元格，请核对。');
    expect(body).toContain('![示意图](./jmi-bz-2-09-1.png)');
    expect(readFileSync(join(root, 'content/standards/jmi-bz-2-09-1.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(output).toContain('import/merged-cells');
  });

  it('turns footnotes into Markdown footnotes and nested numbered lists into nested lists', () => {
    const { data, body } = read('content/manual/jmi-sc-19.mdx');
    expect(data).toMatchObject({ type: 'manual-section', number: 'JMI/SC/19', title: '质量方针与目标' });
    expect(body).toContain('学校依据诊改方案[^1]建立质量方针。');
    expect(body).toContain('[^1]: 《高等职业院校内部质量保证体系诊断与改进指导方案（试行）》。');
    expect(body).toMatch(/1\. 学校层面目标。\n\n {3}1\. 专业层面。\n {3}2\. 课程层面。/);
  });

  it('runs the check on the imported files and prints what is left to fix', () => {
    expect(output).toContain('导入后的检查（npm run check，只列出导入的 6 份文件）：');
    expect(output).toContain('content/standards/jmi-bz-2-09.mdx:1:1  error  缺少必填字段 "owners"（牵头部门（业务主管部门），至少一个）  schema/required');
    // Findings of the example's own files are not listed (a finding may still point at one as a related place).
    expect(output).not.toMatch(/^content\/procedures\/jmi-cx-13\.mdx:/m);
  });

  it('never overwrites an existing file unless --force', async () => {
    const before = readFileSync(join(root, 'content/procedures/jmi-cx-20.mdx'), 'utf8');
    writeFileSync(join(root, 'content/procedures/jmi-cx-20.mdx'), 'changed by hand');
    const again = await run(['word/01 程序文件（表头）.docx']);
    expect(again.code).toBe(1);
    expect(again.out).toContain('✖ word/01 程序文件（表头）.docx：content/procedures/jmi-cx-20.mdx 已存在，未覆盖：确认要用 Word 文件替换它时加 --force');
    expect(readFileSync(join(root, 'content/procedures/jmi-cx-20.mdx'), 'utf8')).toBe('changed by hand');
    const forced = await run(['--force', 'word/01 程序文件（表头）.docx']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(root, 'content/procedures/jmi-cx-20.mdx'), 'utf8')).toBe(before);
  });

  it('--dry-run writes nothing', async () => {
    const dry = await run(['--dry-run', '--force', 'word/02 制度（章条）.docx']);
    expect(dry.out).toContain('（试运行，不写文件）');
    expect(existsSync(join(root, 'content/regulations/jmi-zd-13-09.mdx'))).toBe(true);
  });
});

describe('frontmatter written from Word text', () => {
  it('keeps every value one scalar: line breaks, “ #”, colons and brackets cannot add keys or comments', async () => {
    const { frontmatterText } = await import('../../src/import/write-mdx.ts');
    const text = frontmatterText({
      type: 'regulation',
      source: '恶意\n---\nx.docx',
      number: 'JMI/ZD/13-09',
      title: '办法\nstatus: effective',
      version: 'A/0 #1',
      preparedBy: '张三: [李四]',
      owners: ['质管办'],
      revisions: [{ version: 'A/0', date: '2026-01-01', summary: '首次发布 # 注释\n  - version: Z/9', author: '{x}' }],
    });
    const parsed = parseFile('content/regulations/jmi-zd-13-09.mdx', new TextEncoder().encode(`${text}\n正文\n`));
    expect(parsed.data).toEqual({
      type: 'regulation',
      number: 'JMI/ZD/13-09',
      title: '办法 status: effective',
      version: 'A/0 #1',
      status: 'draft',
      owners: ['质管办'],
      preparedBy: '张三: [李四]',
      revisions: [{ version: 'A/0', date: '2026-01-01', summary: '首次发布 # 注释 - version: Z/9', author: '{x}' }],
    });
  });
});
