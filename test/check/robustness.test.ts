/**
 * No input crashes the check: every odd file gives diagnostics with a file, a line and a column,
 * and the rest of the set is still checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { baseDir, buildSet, checkSet, removeSet, type FileOverrides } from '../helpers/fixture-set.ts';

const roots: string[] = [];
afterAll(() => roots.forEach(removeSet));

const regulation = 'content/regulations/jmi-zd-13-01.mdx';
const procedure = 'content/procedures/jmi-cx-13.mdx';
const baseText = (path: string) => readFileSync(join(baseDir, path), 'utf8');

function check(overrides: FileOverrides): Diagnostic[] {
  const root = buildSet(overrides);
  roots.push(root);
  const diagnostics = checkSet(root);
  for (const d of diagnostics) {
    expect(d.file).toMatch(/^content\//);
    expect(d.span.start.line).toBeGreaterThanOrEqual(1);
    expect(d.span.start.column).toBeGreaterThanOrEqual(1);
    expect(d.ruleId).not.toBe('internal/rule-crash');
  }
  return diagnostics;
}

const at = (d: Diagnostic) => `${d.file}:${d.span.start.line}:${d.span.start.column} ${d.ruleId}`;

describe('odd input', () => {
  it('malformed YAML: a bad indent, a tab, an unclosed bracket and a stray colon each point into the frontmatter, once per file (no cascade)', () => {
    const cases: Record<string, string> = {
      'content/regulations/bad-indent.mdx': '---\ntype: regulation\nnumber: JMI/ZD/13-02\n  title: 缩进错了\n---\n',
      'content/regulations/tab.mdx': '---\ntype: regulation\n\tnumber: JMI/ZD/13-03\n---\n',
      'content/regulations/bracket.mdx': '---\ntype: regulation\nowners: [质管办\n---\n',
      'content/regulations/colon.mdx': '---\ntype: regulation\ntitle: 说明: 冒号: 太多\nnumber: : :\n---\n',
    };
    const found = check(cases).filter((d) => d.ruleId === 'syntax/yaml').map(at);
    expect(found).toEqual([
      'content/regulations/bad-indent.mdx:3:9 syntax/yaml',
      'content/regulations/bracket.mdx:3:13 syntax/yaml',
      'content/regulations/colon.mdx:3:8 syntax/yaml',
      'content/regulations/tab.mdx:3:1 syntax/yaml',
    ]);
  });

  it('binary junk is one syntax/encoding finding at the first bad byte, and the rest of the set is still checked', () => {
    let seed = 7;
    const junk = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    const diagnostics = check({ 'content/records/scan.mdx': junk, [regulation]: baseText(regulation).replace('JMI/ZD/13-01\ntitle', 'JMI/ZD/13-01\ntitel') });
    expect(diagnostics.map(at)).toEqual(['content/records/scan.mdx:1:1 syntax/encoding', `${regulation}:4:1 schema/unknown-field`, `${regulation}:1:1 schema/required`].sort());
  });

  it('an empty file and a file of only blank lines say the frontmatter is missing', () => {
    expect(check({ 'content/regulations/empty.mdx': '', 'content/regulations/blank.mdx': '\n\n\r\n' }).map(at)).toEqual([
      'content/regulations/blank.mdx:1:1 syntax/no-frontmatter',
      'content/regulations/empty.mdx:1:1 syntax/no-frontmatter',
    ]);
  });

  it('a 5 MB file is read whole: a wrong reference on its last line is found there', () => {
    const paragraph = '第三条 受控文件的编制、审核、批准、发布、使用、修改、换版、定期评审、作废与保存均按本办法执行，各部门不得自行其是。\n\n';
    const repeats = Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(paragraph));
    const text = `${baseText(regulation)}${paragraph.repeat(repeats)}见 [[JMI/CX/31]]。\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(5 * 1024 * 1024);
    const lastLine = text.split('\n').length - 1;
    expect(check({ [regulation]: text }).map(at)).toEqual([`${regulation}:${lastLine}:3 ref/unknown-target`]);
  });

  it('a BOM changes no position', () => {
    const broken = baseText(procedure).replace('records: [JMI/JL/13-01]', 'records: [JMI/JL/13-01, JMI/JL/13-11]');
    expect(check({ [procedure]: `\uFEFF${broken}` }).map(at)).toEqual(check({ [procedure]: broken }).map(at));
    expect(check({ [procedure]: `\uFEFF${broken}` }).map(at)).toEqual([`${procedure}:23:25 ref/unknown-target`]);
  });

  it('CRLF line ends keep every position, in frontmatter and body, and leave no carriage return in values', () => {
    const broken = baseText(procedure)
      .replace('records: [JMI/JL/13-01]', 'records: [JMI/JL/13-01, JMI/JL/13-11]')
      .replace('approvedBy: 周志远', 'approvedBy: 周志远\napprovdBy: 周志远')
      .replace('填写 [[JMI/JL/13-01]]。', '填写 [[JMI/JL/13-01]]，参见 [[JMI/CX/99]]。');
    const lf = check({ [procedure]: broken }).map(at);
    const crlf = check({ [procedure]: broken.replace(/\n/g, '\r\n') }).map(at);
    expect(crlf).toEqual(lf);
    expect(crlf).toEqual([`${procedure}:13:1 schema/unknown-field`, `${procedure}:24:25 ref/unknown-target`, `${procedure}:36:55 ref/unknown-target`]);
    // A whole CRLF set is as clean as the LF one: no "\r" leaks into numbers or dates.
    const all: FileOverrides = {};
    for (const path of [procedure, regulation, 'content/flows/jmi-lc-13-01.mdx', 'content/records/jmi-jl-13-01.mdx', 'content/org/organization.yaml']) {
      all[path] = baseText(path).replace(/\n/g, '\r\n');
    }
    expect(check(all)).toEqual([]);
  });

  it('a file in the wrong folder, one directly in content/ and one in an unknown folder are each reported', () => {
    const standard = baseText('content/standards/jmi-bz-1-01.mdx');
    const found = check({
      'content/records/jmi-bz-1-02.mdx': standard.replace('JMI/BZ/1-01', 'JMI/BZ/1-02'),
      'content/jmi-bz-1-03.mdx': standard.replace('JMI/BZ/1-01', 'JMI/BZ/1-03'),
      'content/misc/jmi-bz-1-04.mdx': standard.replace('JMI/BZ/1-01', 'JMI/BZ/1-04'),
    }).map(at);
    expect(found).toEqual([
      'content/jmi-bz-1-03.mdx:1:1 layer/wrong-folder',
      'content/misc/jmi-bz-1-04.mdx:1:1 layer/wrong-folder',
      'content/records/jmi-bz-1-02.mdx:2:7 layer/wrong-folder',
    ]);
  });

  it('random mixtures of MDX, YAML and control characters never crash the check', () => {
    const pieces = ['---\n', '---', 'type: regulation\n', 'number: ', '[[', ']]', '{', '}', '<', '</', '>', ':', '- ', '\r\n', '\t', '"', "'", '|', '#', '```', '😀', '\uFEFF', '\u0001', '表', '\n', ' ', '&', '*a', '!!binary', '? '];
    let seed = 42;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const files: FileOverrides = {};
    for (let i = 0; i < 60; i++) {
      files[`content/regulations/fuzz-${i}.mdx`] = Array.from({ length: 40 + (next() % 80) }, () => pieces[next() % pieces.length]).join('');
    }
    const diagnostics = check(files);
    const fuzzed = new Set(diagnostics.filter((d) => d.file.includes('fuzz-')).map((d) => d.file));
    expect(fuzzed.size).toBe(60);
  });

  it('broken organisation and framework data: empty, junk, a list instead of a map', () => {
    let seed = 3;
    const junk = Uint8Array.from({ length: 2048 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    const org = 'content/org/organization.yaml';
    expect(check({ [org]: '' }).map((d) => `${at(d)} ${d.message}`)).toMatchInlineSnapshot(`
      [
        "content/org/organization.yaml:1:1 schema/type 文件内容应为“字段: 值”形式的对象（每行一个字段，如 name: …），实际是 空值：请按编写指南填写",
      ]
    `);
    expect(check({ [org]: junk }).map((d) => `${at(d)} ${d.message.slice(0, 60)}`)).toMatchInlineSnapshot(`
      [
        "content/org/organization.yaml:1:1 syntax/encoding 文件不是 UTF-8 编码的文本，请用 UTF-8 另存",
      ]
    `);
    expect(check({ 'content/org/frameworks/iso9001.yaml': '- 7.5\n- 8\n' }).map((d) => `${at(d)} ${d.message}`)).toMatchInlineSnapshot(`
      [
        "content/org/frameworks/iso9001.yaml:1:1 schema/type 文件内容应为“字段: 值”形式的对象（每行一个字段，如 name: …），实际是 列表：请按编写指南填写",
      ]
    `);
  });
});
