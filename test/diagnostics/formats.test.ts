/** What authors and CI see: the three renderings of the same findings, snapshot-tested inline. */
import { describe, expect, it } from 'vitest';
import { compareDiagnostics, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { displayWidth } from '../../src/diagnostics/display-width.ts';
import { formatGithub } from '../../src/diagnostics/format-github.ts';
import { formatJson } from '../../src/diagnostics/format-json.ts';
import { formatPretty } from '../../src/diagnostics/format-pretty.ts';

const procedure = 'content/procedures/jmi-cx-13.mdx';
const flow = 'content/flows/jmi-lc-13-01.mdx';
const sources: Record<string, string> = {
  [procedure]: ['---', 'type: procedure', 'number: JMI/CX/13', 'owners: [质量办]', '---', '', '按 [[JMI/LC/13-09|受控文件编制流程]] 办理。'].join('\n'),
  [flow]: ['---', 'type: flow', 'procedure: JMI/CX/13', '---'].join('\r\n'),
};
const span = (line: number, column: number, endColumn: number) => ({ start: { line, column }, end: { line, column: endColumn } });

const unsorted: Diagnostic[] = [
  { file: procedure, span: span(7, 3, 28), severity: 'error', ruleId: 'ref/unknown-target', message: '正文引用的文件 "JMI/LC/13-09" 不存在，是否要写 "JMI/LC/13-01"？' },
  { file: procedure, span: span(4, 10, 13), severity: 'error', ruleId: 'org/unknown-department', message: '未知部门 "质量办"，是否要写 "质管办"？' },
  {
    file: flow,
    span: span(3, 12, 21),
    severity: 'error',
    ruleId: 'flow/not-listed-by-parent',
    message: '所属程序 "JMI/CX/13" 的 flows 没有列出本流程 "JMI/LC/13-01"',
    related: { file: procedure, span: span(3, 9, 18), message: '所属程序在这里' },
  },
  { file: 'content/org/frameworks/iso9001.yaml', span: span(8, 11, 14), severity: 'warning', ruleId: 'coverage/uncovered-clause', message: 'ISO 9001:2015 的条款 9「绩效评价」没有被任何现行文件覆盖' },
];
const diagnostics = [...unsorted].sort(compareDiagnostics);

describe('formatters', () => {
  it('sort by file, line and column', () => {
    expect(diagnostics.map((d) => `${d.file}:${d.span.start.line}`)).toEqual([
      'content/flows/jmi-lc-13-01.mdx:3',
      'content/org/frameworks/iso9001.yaml:8',
      'content/procedures/jmi-cx-13.mdx:4',
      'content/procedures/jmi-cx-13.mdx:7',
    ]);
  });

  it('pretty: location, message and rule, the source line with a caret under CJK text, the related place and a count', () => {
    const text = formatPretty(diagnostics, { readSource: (file) => sources[file] });
    expect(text).toMatchInlineSnapshot(`
      "content/flows/jmi-lc-13-01.mdx:3:12  error  所属程序 "JMI/CX/13" 的 flows 没有列出本流程 "JMI/LC/13-01"  flow/not-listed-by-parent
        3 │ procedure: JMI/CX/13
          │            ^^^^^^^^^
        i 所属程序在这里：content/procedures/jmi-cx-13.mdx:3:9

      content/org/frameworks/iso9001.yaml:8:11  warning  ISO 9001:2015 的条款 9「绩效评价」没有被任何现行文件覆盖  coverage/uncovered-clause

      content/procedures/jmi-cx-13.mdx:4:10  error  未知部门 "质量办"，是否要写 "质管办"？  org/unknown-department
        4 │ owners: [质量办]
          │          ^^^^^^

      content/procedures/jmi-cx-13.mdx:7:3  error  正文引用的文件 "JMI/LC/13-09" 不存在，是否要写 "JMI/LC/13-01"？  ref/unknown-target
        7 │ 按 [[JMI/LC/13-09|受控文件编制流程]] 办理。
          │    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

      ✖ 3 个错误，⚠ 1 个警告"
    `);
    // The caret sits under the misspelt department: 质量办 starts after "owners: [" (10 columns wide).
    const lines = text.split('\n');
    const quoted = lines.findIndex((l) => l.includes('owners: [质量办]'));
    const caret = lines[quoted + 1]!;
    expect(caret.indexOf('^') - lines[quoted]!.indexOf('owners')).toBe(displayWidth('owners: ['));
    expect(caret.trim().replace(/^│\s*/, '')).toBe('^'.repeat(displayWidth('质量办')));
  });

  it('pretty: a clean run', () => {
    expect(formatPretty([])).toMatchInlineSnapshot(`"✔ 没有发现问题"`);
  });

  it('pretty with colour wraps severity and location in ANSI codes', () => {
    const text = formatPretty(diagnostics.slice(0, 1), { color: true });
    expect(text).toContain('\u001b[31merror\u001b[0m');
    expect(text).toContain('\u001b[1mcontent/flows/jmi-lc-13-01.mdx:3:12\u001b[0m');
  });

  it('json: one object per finding, positions 1-based, related place included', () => {
    expect(JSON.parse(formatJson(diagnostics))).toMatchInlineSnapshot(`
      [
        {
          "column": 12,
          "endColumn": 21,
          "endLine": 3,
          "file": "content/flows/jmi-lc-13-01.mdx",
          "line": 3,
          "message": "所属程序 "JMI/CX/13" 的 flows 没有列出本流程 "JMI/LC/13-01"",
          "related": {
            "column": 9,
            "file": "content/procedures/jmi-cx-13.mdx",
            "line": 3,
            "message": "所属程序在这里",
          },
          "ruleId": "flow/not-listed-by-parent",
          "severity": "error",
        },
        {
          "column": 11,
          "endColumn": 14,
          "endLine": 8,
          "file": "content/org/frameworks/iso9001.yaml",
          "line": 8,
          "message": "ISO 9001:2015 的条款 9「绩效评价」没有被任何现行文件覆盖",
          "ruleId": "coverage/uncovered-clause",
          "severity": "warning",
        },
        {
          "column": 10,
          "endColumn": 13,
          "endLine": 4,
          "file": "content/procedures/jmi-cx-13.mdx",
          "line": 4,
          "message": "未知部门 "质量办"，是否要写 "质管办"？",
          "ruleId": "org/unknown-department",
          "severity": "error",
        },
        {
          "column": 3,
          "endColumn": 28,
          "endLine": 7,
          "file": "content/procedures/jmi-cx-13.mdx",
          "line": 7,
          "message": "正文引用的文件 "JMI/LC/13-09" 不存在，是否要写 "JMI/LC/13-01"？",
          "ruleId": "ref/unknown-target",
          "severity": "error",
        },
      ]
    `);
  });

  it('github: one workflow command per finding, with properties and data escaped', () => {
    expect(formatGithub(diagnostics)).toMatchInlineSnapshot(`
      "::error file=content/flows/jmi-lc-13-01.mdx,line=3,col=12,endLine=3,endColumn=21,title=flow/not-listed-by-parent::所属程序 "JMI/CX/13" 的 flows 没有列出本流程 "JMI/LC/13-01"%0A所属程序在这里：content/procedures/jmi-cx-13.mdx:3:9
      ::warning file=content/org/frameworks/iso9001.yaml,line=8,col=11,endLine=8,endColumn=14,title=coverage/uncovered-clause::ISO 9001:2015 的条款 9「绩效评价」没有被任何现行文件覆盖
      ::error file=content/procedures/jmi-cx-13.mdx,line=4,col=10,endLine=4,endColumn=13,title=org/unknown-department::未知部门 "质量办"，是否要写 "质管办"？
      ::error file=content/procedures/jmi-cx-13.mdx,line=7,col=3,endLine=7,endColumn=28,title=ref/unknown-target::正文引用的文件 "JMI/LC/13-09" 不存在，是否要写 "JMI/LC/13-01"？"
    `);
  });

  it('github: escapes %, line breaks, commas and colons so the annotation is not cut', () => {
    const odd: Diagnostic = { file: 'content/a,b:c.mdx', span: span(1, 1, 1), severity: 'error', ruleId: 'syntax/yaml', message: '完成率 100%\r\n第二行' };
    expect(formatGithub([odd])).toBe('::error file=content/a%2Cb%3Ac.mdx,line=1,col=1,endLine=1,endColumn=1,title=syntax/yaml::完成率 100%25%0D%0A第二行');
  });

  it('pretty: a long line is shown as a window around the column, with the caret still under the reference', () => {
    const line = `${'各部门按职责分工组织实施并对结果负责，'.repeat(12)}见 [[JMI/CX/99]]，${'记录按规定期限保存。'.repeat(16)}`;
    const column = line.indexOf('[[') + 1;
    const d: Diagnostic = { file: 'content/regulations/long.mdx', span: span(1, column, column + 13), severity: 'error', ruleId: 'ref/unknown-target', message: '正文引用的文件 "JMI/CX/99" 不存在' };
    const [, quoted, caret] = formatPretty([d], { readSource: () => line }).split('\n');
    expect(quoted!.startsWith('  1 │ …')).toBe(true);
    expect(quoted!.endsWith('…')).toBe(true);
    const under = caret!.indexOf('^');
    const widthBefore = displayWidth(quoted!.slice(0, quoted!.indexOf('[[')));
    expect(under).toBe(widthBefore);
    expect(caret!.slice(under)).toBe('^'.repeat(13));
  });
});
