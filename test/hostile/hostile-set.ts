/**
 * One document set holding every hostile case at once (a pull request written by an attacker or a
 * careless author), for the check-, site- and print- suites: each case is a document or a link under
 * content/, with the finding it must get. Files outside the repository hold a unique marker, which
 * must never appear in anything the tools write.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSet } from '../helpers/fixture-set.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

/** A finding a case must get: where (file:line:column) and which rule. */
export interface ExpectedFinding {
  case: string;
  file: string;
  line: number;
  column: number;
  ruleId: string;
}

export interface HostileSet {
  /** The set's root (holds content/). */
  root: string;
  /** A folder outside the repository whose files hold the marker. */
  outside: string;
  /** Text found only in the files outside the repository. */
  marker: string;
  findings: ExpectedFinding[];
  /** Pages (site paths) holding the hostile links and elements, for a browser to click through. */
  pages: string[];
}

/** A regulation with the given number, title line and body; the frontmatter ends on line 16, so the body starts on line 18. */
function regulation(number: string, title: string, body: string): string {
  return [
    '---',
    'type: regulation',
    `number: ${number}`,
    `title: ${title}`,
    'version: A/0',
    'status: effective',
    'owners: [质管办]',
    'effectiveDate: 2024-09-01',
    'approvedBy: 周志远',
    'revisions:',
    '  - version: A/0',
    '    date: 2024-08-20',
    '    summary: 首次发布',
    '    author: 刘明华',
    'issuedAs: 测院〔2024〕9号',
    '---',
    '',
    body,
  ].join('\n');
}

/**
 * Builds the set. `buildable` leaves out the cases that are no document at all (a line too long, a
 * syntax error, an impossible date), so that a build with the check turned off can still render the
 * rest and show that the renderer's own guards hold.
 */
export function hostileSet({ buildable = false } = {}): HostileSet {
  const marker = `SHOUKONG-LEAK-${process.pid}-${Date.now()}`;
  const outside = testTempDir('shoukong-outside-');
  const root = buildSet();
  const findings: ExpectedFinding[] = [];
  const expect = (name: string, file: string, line: number, column: number, ruleId: string): void => {
    findings.push({ case: name, file, line, column, ruleId });
  };
  const write = (path: string, text: string | Uint8Array) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  // Outside the repository: a secret file, and documents that a followed link would publish.
  writeFileSync(join(outside, 'secret.txt'), `${marker}\n`);
  writeFileSync(join(outside, 'secret.png'), `${marker}\n`);
  mkdirSync(join(outside, 'docs'));
  writeFileSync(join(outside, 'docs/leak.mdx'), regulation('JMI/ZD/13-90', `泄露 ${marker}`, `${marker}\n`));
  writeFileSync(join(outside, 'leak.mdx'), regulation('JMI/ZD/13-91', `泄露 ${marker}`, `${marker}\n`));

  // Links: every spelling of a script address, reference-style, elements with href/src.
  const links = 'content/regulations/jmi-zd-13-20.mdx';
  const linkLines = [
    '第一条 [脚本](javascript:alert(1)) [大小写](JaVaScRiPt:alert(2)) [实体](&#106;avascript&#58;alert(3))',
    '',
    '第二条 [制表符](java&#x09;script:alert(4)) [控制字符](&#1;javascript:alert(5)) [尖括号](<javascript:alert(6)>)',
    '',
    '第三条 [数据](data:text/html,<script>alert(7)</script>) [VB](vbscript:msgbox(8)) [本机](file:///etc/passwd)',
    '',
    `第四条 [引用式][脚本] [协议相对](//evil.example/x) [外部文件](file://${outside}/secret.txt) [前导空格]( javascript:alert(9))`,
    '',
    '第五条 <sup><a href="javascript:alert(10)">标签</a></sup> <u><img src="x" onError="alert(11)" /></u>',
    '',
    '第六条 [正常链接](https://www.example.edu.cn/) <mark>安全</mark>',
    '',
    '[脚本]: javascript:alert(12)',
    '',
    '```mermaid',
    'flowchart TD',
    '  A["<img src=x onerror=alert(20)>"] --> B["<script>alert(21)</script>"]',
    '  B --> C["<a href=javascript:top.alert`22`>点</a>"]',
    '  click A "javascript:alert(23)"',
    '  click C href "javascript:alert(24)"',
    '```',
    '',
  ];
  write(links, regulation('JMI/ZD/13-20', '恶意链接', linkLines.join('\n')));
  /** The body starts on line 18: the finding must point at the first character of `needle` there. */
  const at = (lines: readonly string[], needle: string) => {
    const index = lines.findIndex((l) => l.includes(needle));
    if (index === -1) throw new Error(`no ${needle}`);
    return [18 + index, lines[index]!.indexOf(needle) + 1] as const;
  };
  for (const needle of [
    'javascript:alert(1)',
    'JaVaScRiPt:',
    '&#106;avascript',
    'java&#x09;script',
    '&#1;javascript',
    'javascript:alert(6)',
    'data:text/html',
    'vbscript:',
    'file:///etc/passwd',
    '//evil.example',
    `file://${outside}`,
    'javascript:alert(9)',
    'javascript:alert(10)',
    'javascript:alert(12)',
  ]) {
    expect(`链接 ${needle}`, links, ...at(linkLines, needle), 'mdx/unsafe-url');
  }
  expect('标签 <a>', links, ...at(linkLines, '<a href'), 'mdx/unknown-component');
  expect('标签 <img>', links, ...at(linkLines, '<img'), 'mdx/unknown-component');

  // Images from outside content/.
  const images = 'content/regulations/jmi-zd-13-21.mdx';
  const imageLines = [
    `第一条 ![绝对路径](${outside}/secret.png) ![本机](file://${outside}/secret.png)`,
    '',
    '第二条 ![跳出](../../../../../../../../etc/passwd) ![编码](%2e%2e/%2e%2e/%2e%2e/x.png) ![数据](data:image/svg+xml,<svg/onload=alert(13)>)',
    '',
  ];
  write(images, regulation('JMI/ZD/13-21', '恶意图片', imageLines.join('\n')));
  expect('绝对路径图片', images, ...at(imageLines, `${outside}/secret.png) `), 'mdx/image-outside-content');
  expect('file: 图片', images, ...at(imageLines, 'file://'), 'mdx/image-outside-content');
  expect('.. 图片', images, ...at(imageLines, '../../'), 'mdx/image-outside-content');
  expect('编码的 .. 图片', images, ...at(imageLines, '%2e'), 'mdx/image-outside-content');
  expect('data: 图片', images, ...at(imageLines, 'data:'), 'mdx/unsafe-url');

  // Symbolic links: a folder and a file outside, a loop.
  symlinkSync(join(outside, 'docs'), join(root, 'content/outside'));
  symlinkSync(join(outside, 'leak.mdx'), join(root, 'content/regulations/jmi-zd-13-91.mdx'));
  symlinkSync('.', join(root, 'content/loop'));
  expect('链接到外部文件夹', 'content/outside', 1, 1, 'syntax/symlink');
  expect('链接到外部文件', 'content/regulations/jmi-zd-13-91.mdx', 1, 1, 'syntax/symlink');
  expect('循环链接', 'content/loop', 1, 1, 'syntax/symlink');

  // Nesting: list markers that crashed the check (2,000) and the build (1,000), quotes and tags.
  const nesting = [
    ['jmi-zd-13-22', `${'- '.repeat(2000)}深`, 18, 201],
    ['jmi-zd-13-23', `${'- '.repeat(1000)}深`, 18, 201],
    ['jmi-zd-13-24', `${'> '.repeat(5000)}深`, 18, 201],
    ['jmi-zd-13-25', `${'<sup>'.repeat(150)}深${'</sup>'.repeat(150)}`, 18, 1 + 99 * 5], // the 100th tag: the first node more than 100 deep
    ['jmi-zd-13-31', `${'*'.repeat(9000)}深${'*'.repeat(9000)}`, 18, 501], // took 16 s to parse before it was refused
  ] as const;
  for (const [slug, body, line, column] of nesting) {
    const path = `content/regulations/${slug}.mdx`;
    write(path, regulation(slug.toUpperCase().replace(/^JMI-ZD-/, 'JMI/ZD/'), '嵌套过深', `${body}\n`));
    expect('嵌套过深', path, line, column, 'syntax/too-deep');
  }

  // A title that tries to end the HTML around it (escaped on the site; the printer has its own suite).
  write('content/regulations/jmi-zd-13-26.mdx', regulation('JMI/ZD/13-26', `"x</title></style><script>alert(13)</script><img src=x onerror=alert(14)>"`, '第一条 标题里有标签。\n'));

  if (!buildable) {
    write('content/regulations/jmi-zd-13-27.mdx', regulation('JMI/ZD/13-27', '一行过长', `${'长'.repeat(30_000)}\n`));
    expect('一行过长', 'content/regulations/jmi-zd-13-27.mdx', 18, 20_001, 'syntax/too-large');
    write('content/regulations/jmi-zd-13-28.mdx', regulation('JMI/ZD/13-28', '文件过大', `${'正文。\n'.repeat(1_100_000)}`));
    expect('文件过大', 'content/regulations/jmi-zd-13-28.mdx', 1, 1, 'syntax/too-large');
    write('content/regulations/jmi-zd-13-29.mdx', regulation('JMI/ZD/13-29', '语法错误', '第一条 引用写成 `[[JMI/XX/99]]`。\n\n第二条 成绩 <60 分。\n'));
    expect('语法错误', 'content/regulations/jmi-zd-13-29.mdx', 20, 9, 'syntax/mdx');
    write('content/regulations/jmi-zd-13-30.mdx', regulation('JMI/ZD/13-30', '日期不存在', '第一条\n').replace('effectiveDate: 2024-09-01', 'effectiveDate: 2025-02-30'));
    expect('日期不存在', 'content/regulations/jmi-zd-13-30.mdx', 8, 16, 'schema/type');
  }
  return { root, outside, marker, findings, pages: ['/regulations/jmi-zd-13-20/', '/regulations/jmi-zd-13-21/', '/regulations/jmi-zd-13-26/'] };
}
