import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/model/load.ts';

describe('schema messages name places in lists as a person reads them (issue 24 point 3)', () => {
  it('says 第 4 个字段「分解明细」的第 11 列 instead of fields.3.columns.10.kind, with the allowed values', () => {
    const base = readFileSync('test/fixtures/base/content/records/jmi-jl-13-01.mdx', 'utf8');
    const columns = Array.from({ length: 11 }, (_, i) => `{ label: 第${i + 1}项${i === 10 ? ', kind: money' : ''} }`).join(', ');
    const text = base.replace('  - label: 部门负责人\n    kind: signature', `  - label: 分解明细\n    kind: table\n    columns: [${columns}]`);
    const doc = loadDocument('content/records/jmi-jl-13-01.mdx', Buffer.from(text));
    expect(doc.schemaIssues.map((i) => [i.path, i.span.start.line, i.message])).toEqual([
      [
        'fields.3.columns.10.kind',
        31,
        '第 4 个字段「分解明细」的第 11 列「第11项」的 "kind" 的值 "money" 无效，应为 "text"、"number"、"date"、"choice"、"checkbox" 之一',
      ],
    ]);
  });
});
