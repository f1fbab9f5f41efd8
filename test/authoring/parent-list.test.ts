import { describe, expect, it } from 'vitest';
import { addToFrontmatterList } from '../../src/authoring/parent-list.ts';
import { addToBodySection } from '../../src/authoring/body-list.ts';

const doc = (yaml: string, body = '\n正文\n') => `---\n${yaml}---\n${body}`;

describe('addToFrontmatterList keeps every other byte as written', () => {
  it('appends to a flow list', () => {
    expect(addToFrontmatterList(doc('a: 1\nflows: [X/1, X/2]  # 注释\nz: 2\n'), 'flows', 'X/3', 'p').text).toBe(doc('a: 1\nflows: [X/1, X/2, X/3]  # 注释\nz: 2\n'));
  });
  it('fills an empty flow list', () => {
    expect(addToFrontmatterList(doc('flows: []   # 相关流程\n'), 'flows', 'X/3', 'p').text).toBe(doc('flows: [X/3]   # 相关流程\n'));
  });
  it('appends to a block list with its indentation and keeps comments', () => {
    const before = doc('records:\n    - A/1 # 第一张\n    - "A/2"\nnext: 1\n');
    expect(addToFrontmatterList(before, 'records', 'A/3', 'p').text).toBe(doc('records:\n    - A/1 # 第一张\n    - "A/2"\n    - A/3\nnext: 1\n'));
  });
  it('adds a missing key after the last entry, and fills a key without a value', () => {
    expect(addToFrontmatterList(doc('a: 1\nexample: true\n'), 'flows', 'X/1', 'p').text).toBe(doc('a: 1\nexample: true\nflows: [X/1]\n'));
    expect(addToFrontmatterList(doc('flows:\nb: 2\n'), 'flows', 'X/1', 'p').text).toBe(doc('flows: [X/1]\nb: 2\n'));
  });
  it('keeps CRLF line ends', () => {
    const before = '---\r\nrecords:\r\n  - A/1\r\nb: 2\r\n---\r\n正文\r\n';
    expect(addToFrontmatterList(before, 'records', 'A/2', 'p').text).toBe('---\r\nrecords:\r\n  - A/1\r\n  - A/2\r\nb: 2\r\n---\r\n正文\r\n');
  });
  it('does nothing when the number is already listed, and refuses a non-list', () => {
    expect(addToFrontmatterList(doc('flows: [X/1]\n'), 'flows', 'X/1', 'p')).toEqual({ text: doc('flows: [X/1]\n'), changed: false });
    expect(() => addToFrontmatterList(doc('flows: X/1\n'), 'flows', 'X/2', 'content/p.mdx')).toThrow('content/p.mdx 的 flows 不是列表');
  });
});

describe('addToBodySection', () => {
  it('replaces “无。” and appends to a numbered list, but leaves a table alone', () => {
    expect(addToBodySection('## 5 支持性文件\n\n无。\n\n## 6 质量记录\n', '支持性文件', '[[Z/1|办法]]').text).toBe('## 5 支持性文件\n\n1. [[Z/1|办法]]\n\n## 6 质量记录\n');
    expect(addToBodySection('## 7 相关流程\n\n1. [[L/1]]\n2. [[L/2]]\n', '相关流程', '[[L/3|新]]').text).toBe('## 7 相关流程\n\n1. [[L/1]]\n2. [[L/2]]\n3. [[L/3|新]]\n');
    const table = '## 6 质量记录\n\n| 记录编号 | 名称 |\n| --- | --- |\n| [[J/1]] | 表 |\n';
    expect(addToBodySection(table, '质量记录', '[[J/2|新]]')).toEqual({ text: table, changed: false });
  });
});
