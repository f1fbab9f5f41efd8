/** The JSON Schema of every example form, read by ajv (2020-12) as another system would. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldKeys } from '../../src/model/form-layout.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { recordFileName, recordJsonSchema, type SchemaTemplate } from '../../src/model/record-json-schema.ts';
import type { FormField } from '../../src/model/schemas/record.ts';
import { recordAjv } from '../helpers/record-ajv.ts';

const set = loadDocumentSet(join(import.meta.dirname, '../..'));
const templates = set.documents.filter((d) => d.type === 'record').map((d) => d.data as SchemaTemplate);

/** A value every field accepts. */
function sampleValue(field: FormField): unknown {
  switch (field.kind) {
    case 'number':
      return 2026;
    case 'date':
      return '2026-12-01';
    case 'choice':
      return field.options![0];
    case 'multichoice':
      return field.options!.slice(0, 2);
    case 'checkbox':
      return true;
    case 'signature':
      return { 签名: '孙晓燕', 日期: '2026-12-02' };
    case 'table':
      return [Object.fromEntries((field.columns ?? [{ label: '内容' }]).filter((c) => c.label !== '序号').map((c) => [c.label, c.kind === 'choice' ? c.options![0] : c.kind === 'date' ? '2026-12-01' : c.kind === 'number' ? 1 : c.kind === 'checkbox' ? false : '示例'] as const))];
    default:
      return '示例';
  }
}

function sampleRecord(t: SchemaTemplate): { form: string; version: string; date: string; values: Record<string, unknown> } {
  return { form: t.number, version: t.version, date: '2026-12-05', values: Object.fromEntries(fieldKeys(t.fields).map(({ key, field }) => [key, sampleValue(field)])) };
}

describe('one JSON Schema per form', () => {
  it('compiles for all 47 example forms and accepts a fully filled record of each', () => {
    expect(templates).toHaveLength(47);
    const ajv = recordAjv();
    for (const t of templates) {
      const schema = recordJsonSchema(t);
      expect(ajv.validateSchema(schema), t.number).toBe(true);
      const validate = ajv.compile(schema);
      const ok = validate(sampleRecord(t));
      expect(validate.errors ?? [], t.number).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  const t = templates.find((x) => x.number === 'JMI/JL/13-01')!;
  const schema = recordJsonSchema(t);

  it('names the form, its version, its fields with kinds, options, required fields and table columns', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['x-form']).toMatchObject({ number: 'JMI/JL/13-01', version: 'B/0', orientation: 'portrait' });
    const values = (schema.properties as Record<string, { properties: Record<string, Record<string, unknown>>; required: string[] }>).values!;
    expect(values.required).toEqual(['申请部门', '申请日期', '申请类别', '文件类型', '文件编号与名称', '申请理由']);
    expect(values.properties['申请类别']).toMatchObject({ 'x-kind': 'choice', enum: ['新编', '修改', '换版', '作废'] });
    expect(values.properties['修改要点']).toMatchObject({ type: 'array', 'x-rows': 5, items: { properties: { 章条号: { type: 'string' }, 原内容摘要: {}, 修改后内容摘要: {} } } });
    expect(values.properties['受影响的关联文件']).toMatchObject({ items: { properties: { 是否需同步修改: { enum: ['是', '否', '待复核'] } } } });
  });

  it('rejects a record missing a required field, with a value outside the options, of another version or with a bad date', () => {
    const validate = recordAjv().compile(schema);
    const good = sampleRecord(t);
    const bad = (change: (r: ReturnType<typeof sampleRecord>) => void) => {
      const r = structuredClone(good);
      change(r);
      expect(validate(r)).toBe(false);
      return validate.errors!.map((e) => `${e.instancePath} ${e.keyword}`);
    };
    expect(bad((r) => delete r.values['申请部门'])).toContain('/values required');
    expect(bad((r) => (r.values['申请类别'] = '重写'))).toContain('/values/申请类别 enum');
    expect(bad((r) => (r.values['受影响的关联文件'] = [{ 文件编号: 'JMI/CX/13', 是否需同步修改: '也许' }]))).toContain('/values/受影响的关联文件/0/是否需同步修改 enum');
    expect(bad((r) => (r.version = 'A/0'))).toContain('/version const');
    expect(bad((r) => (r.values['申请日期'] = '2026/12/1'))).toContain('/values/申请日期 pattern');
    expect(bad((r) => (r.values['未定义栏目'] = 'x'))).toContain('/values additionalProperties');
  });

  it('names the saved file by form number, version and date', () => {
    expect(recordFileName('JMI/JL/13-01', 'B/0', '2026-12-05')).toBe('JMI-JL-13-01_B-0_2026-12-05.json');
  });
});
