import { describe, expect, it } from 'vitest';
import { parseYamlWithPlaces } from '../../src/model/frontmatter.ts';

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
