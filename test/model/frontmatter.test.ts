import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlData, parseYamlWithPlaces, splitFrontmatter } from '../../src/model/frontmatter.ts';
import { parseFile, placesOf, type ParsedFile } from '../../src/model/parse-file.ts';

describe('frontmatter places', () => {
  const text = ['title: 文件与资料控制', 'owners: [质管办, 教务处]', 'revisions:', '  - version: A/0', '    date: 2024-08-20'].join('\n');
  const parsed = parseYamlWithPlaces(text, { line: 2, column: 1 });

  it('records the key and value of each field as file positions (the YAML starts on line 2)', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.places['title']).toEqual({ key: { start: { line: 2, column: 1 }, end: { line: 2, column: 6 } }, value: { start: { line: 2, column: 8 }, end: { line: 2, column: 15 } } });
  });

  it('records list items and nested fields by dotted path, counting CJK characters as one column', () => {
    expect(parsed.places['owners.1']?.value.start).toEqual({ line: 3, column: 15 });
    expect(parsed.places['revisions.0.date']?.value.start).toEqual({ line: 6, column: 11 });
    expect(parsed.data).toEqual({ title: '文件与资料控制', owners: ['质管办', '教务处'], revisions: [{ version: 'A/0', date: '2024-08-20' }] });
  });

  it('keeps dates as text (YAML 1.2 core schema), so 2024-08-20 is not turned into a Date', () => {
    expect(typeof (parsed.data as { revisions: { date: unknown }[] }).revisions[0]!.date).toBe('string');
  });

  it('reports a duplicate key at the second key and gives no data', () => {
    const dup = parseYamlWithPlaces('title: 甲\ntitle: 乙\n', { line: 2, column: 1 });
    expect(dup.problems.map((p) => [p.span.start, p.message.startsWith('YAML 中同一个字段写了两次')])).toEqual([[{ line: 3, column: 1 }, true]]);
    expect(dup.data).toBeUndefined();
  });
});

describe('frontmatter data without positions (parseYamlData) and positions on demand (placesOf)', () => {
  const example = readdirSync('content', { recursive: true })
    .map(String)
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => splitFrontmatter(readFileSync(join('content', f), 'utf8'))?.yaml ?? '');

  it('gives exactly the data and the problems of the full parser, on the example and on 4,000 mangled copies of it', () => {
    // Mangle with what YAML treats specially, so both the fast path and the fallback are exercised.
    const pieces = [':', ' ', '\n', '  ', '- ', '"', "'", '#', '[', ']', '{', '}', ',', '\t', '|', '>', 'yes', '0o17', '1_000', '2025-01-01', '~', '.inf', '0x1F', '1e3', 'a: b: c', '? ', '&a', '*a', '!!str', '<<: *a', '%', 'True', '__proto__: {x: 1}'];
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    const texts = [...example];
    for (let k = 0; k < 4000; k++) {
      let text = example[next(example.length)]!;
      for (let j = 0; j <= next(3); j++) {
        const at = next(text.length + 1);
        text = text.slice(0, at) + pieces[next(pieces.length)] + text.slice(at + next(3));
      }
      texts.push(text);
    }
    let fastPathValid = 0;
    for (const text of texts) {
      const fast = parseYamlData(text, { line: 2, column: 1 });
      const full = parseYamlWithPlaces(text, { line: 2, column: 1 });
      expect({ data: fast.data, problems: fast.problems }, text).toEqual({ data: full.data, problems: full.problems });
      if (full.problems.length === 0) fastPathValid++;
    }
    expect(fastPathValid).toBeGreaterThan(1000);
  });

  it('finds field positions of a parsed file on first use, also after the file went through the JSON parse cache', () => {
    const bytes = Buffer.from('---\ntitle: 文件与资料控制\nowners: [质管办, 教务处]\n---\n\n正文\n');
    const file = JSON.parse(JSON.stringify(parseFile('content/procedures/x.mdx', bytes))) as ParsedFile;
    expect(file.data).toEqual({ title: '文件与资料控制', owners: ['质管办', '教务处'] });
    expect(placesOf(file)['owners.1']?.value.start).toEqual({ line: 3, column: 15 });
    expect(placesOf(file)['title']?.key).toEqual({ start: { line: 2, column: 1 }, end: { line: 2, column: 6 } });
  });
});

describe('where frontmatter starts and ends (issue 23, defect 9)', () => {
  it('accepts opening and closing lines with trailing spaces, as the renderer does, so check and site agree', () => {
    const text = '--- \ntitle: 文件与资料控制\n---  \n\n正文\n';
    const file = parseFile('content/procedures/x.mdx', Buffer.from(text));
    expect(file.yamlProblems).toEqual([]);
    expect(file.data).toEqual({ title: '文件与资料控制' });
    expect(file.bodyStartLine).toBe(4);
    expect(splitFrontmatter(text)).toEqual({ yaml: 'title: 文件与资料控制', body: '\n正文\n' });
  });

  it('places an unclosed quote where it opens, not at the last frontmatter line', () => {
    const file = parseFile('content/regulations/x.mdx', Buffer.from('---\ntype: regulation\nnumber: JMI/ZD/13-01\ntitle: "文件管理办法\nversion: A/0\nstatus: effective\n---\n'));
    expect(file.yamlProblems.map((p) => [p.span.start, p.message])).toEqual([
      [{ line: 4, column: 8 }, '这里的 " 引号没有配对：从这里起到 frontmatter 结束都被当成了一个值。请在值的末尾补上 "，或删去这个引号'],
    ]);
  });

  it('reports one problem for a Tab, not the cascade of errors after it', () => {
    const text = '---\nrevisions:\n\t- version: A/0\n    date: 2024-01-01\n    summary: x\n    author: y\nversion: A/0\n---\n';
    const file = parseFile('content/records/x.mdx', Buffer.from(text));
    expect(file.yamlProblems.map((p) => [p.span.start, p.message])).toEqual([[{ line: 3, column: 1 }, 'YAML 不能用 Tab 缩进，请改用空格（Tabs are not allowed as indentation）']]);
  });
});
