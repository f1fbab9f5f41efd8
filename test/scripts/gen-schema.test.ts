/** The generated editor schema, field table and rule list: current, complete, and right about real documents. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { fieldsMarkdown, frontmatterSchema, outOfDate, rulesMarkdown } from '../../scripts/gen-schema.ts';
import { rules } from '../../src/check/rules/index.ts';
import { documentTypes, ownDocumentTypes } from '../../src/model/document-types.ts';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../../src/model/parse-file.ts';
import { documentSchemas } from '../../src/model/schemas/index.ts';
import { baseDir } from '../helpers/fixture-set.ts';

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(frontmatterSchema());
const frontmatterOf = (path: string) => parseFile(path, readFileSync(join(baseDir, path))).data as Record<string, unknown>;
const baseDocuments = readdirSync(join(baseDir, 'content'), { recursive: true, encoding: 'utf8' })
  .filter((p) => p.endsWith('.mdx'))
  .map((p) => `content/${p}`);

describe('npm run schema', () => {
  it('has written the committed files from the current schemas and rules (run npm run schema if this fails)', () => {
    expect(outOfDate()).toEqual([]);
  });

  it('writes the number of rules in the registry into the guide index (it once said 39 while there were 40)', () => {
    const index = readFileSync('docs/README.md', 'utf8');
    expect(index).toContain(`| ${rules.length} 条检查规则；`);
    expect(index.match(/\d+ 条检查规则/g)).toEqual([`${rules.length} 条检查规则`]);
  });

  it('gives a JSON Schema that accepts every document of the valid base set', () => {
    expect(baseDocuments).toHaveLength(ownDocumentTypes.length);
    for (const path of baseDocuments) {
      expect(validate(frontmatterOf(path)), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    // The base set has no 外来文件: the example's are checked instead.
    const external = 'content/external/jzct-2015-2.mdx';
    const data = parseFile(external, readFileSync(fileURLToPath(new URL(`../../${external}`, import.meta.url)))).data;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('gives a JSON Schema that rejects a missing field, an unknown field, a bad status and an unknown type', () => {
    const record = frontmatterOf('content/records/jmi-jl-13-01.mdx');
    const { keeper: _keeper, ...withoutKeeper } = record;
    for (const bad of [withoutKeeper, { ...record, retension: '长期' }, { ...record, status: 'active' }, { ...record, type: 'memo' }, { ...record, type: 'flow' }]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('keeps the Chinese titles and descriptions for editors', () => {
    const schema = JSON.stringify(frontmatterSchema());
    expect(schema).toContain('"title":"修订记录"');
    expect(schema).toContain('保存期限，按 organization.yaml 中 retention.forms 的写法');
  });

  it('lists every field of every type in the field table', () => {
    const table = fieldsMarkdown();
    for (const type of documentTypes) {
      for (const key of Object.keys(documentSchemas[type].shape)) expect(table).toContain(`| \`${key}\` |`);
      expect(table).toContain(`（type: ${type}）`);
    }
    expect(table).toContain('| `retention` | 保存期限，按 organization.yaml 中 retention.forms 的写法，如 3年、6个月、长期、永久、毕业后5年 |');
  });

  it('lists every rule with its severity in the rule list', () => {
    const list = rulesMarkdown();
    for (const rule of rules) expect(list).toContain(`| \`${rule.id}\` | ${rule.severity === 'error' ? '错误' : '警告'} | ${rule.description.replace(/\|/g, '\\|')} |`);
  });
});
