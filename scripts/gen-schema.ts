#!/usr/bin/env node
/**
 * npm run schema: writes, from the zod schemas and the rules' own metadata,
 *   schema/frontmatter.schema.json    one JSON Schema for editors, one branch per document type (by `type`)
 *   schema/organization.schema.json   the organisation data, and schema/framework.schema.json
 *   docs/fields.md                    the field table of the authoring guide
 *   docs/rules.md                     every check rule with its severity and description
 *   docs/README.md                    only the rule count in its table of chapters (「N 条检查规则」)
 * `npm run schema -- --check` only compares and exits 1 when a committed file is out of date.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { rules } from '../src/check/rules/index.ts';
import { documentTypes, typeLabels, folderOfType, type DocumentType } from '../src/model/document-types.ts';
import { commonFields } from '../src/model/schemas/common.ts';
import { documentSchemas } from '../src/model/schemas/index.ts';
import { frameworkSchema, organizationSchema } from '../src/model/schemas/organization.ts';

/** A JSON Schema node, as much of it as the generators read. */
interface JsonNode {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  title?: string;
  description?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  items?: JsonNode;
  anyOf?: JsonNode[];
  properties?: Record<string, JsonNode>;
  required?: string[];
  [key: string]: unknown;
}

const root = fileURLToPath(new URL('../', import.meta.url));
const generatedNote = '本文件由 `npm run schema` 从 src/model/schemas 与 src/check/rules 生成，请勿手工修改。';

/** The JSON Schema of one zod schema, without the noise editors do not need. */
function jsonSchemaOf(schema: z.ZodType): JsonNode {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonNode;
  delete json.$schema;
  return strip(json) as JsonNode;
}

/** Drops `maximum: Number.MAX_SAFE_INTEGER`, which zod writes for every integer. */
function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) continue;
    out[key] = strip(value);
  }
  return out;
}

/** One schema for every frontmatter: `type` picks the branch. */
export function frontmatterSchema(): JsonNode {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: '受控文件 frontmatter',
    description: `受控（Shoukong）文件体系中每个 .mdx 文件开头 --- 之间的字段。type 决定文件类型，文件须放在对应目录：${documentTypes.map((t) => `${t} → content/${folderOfType[t]}/`).join('，')}。`,
    type: 'object',
    required: ['type'],
    properties: {
      type: { enum: [...documentTypes], description: `文件类型：${documentTypes.map((t) => `${t} ${typeLabels[t]}`).join(' / ')}` },
    },
    oneOf: documentTypes.map((type) => ({ title: `${typeLabels[type]}（${type}）`, ...jsonSchemaOf(documentSchemas[type]) })),
  };
}

const commonHeading = '共同字段（所有类型）';

/** Markdown-safe table cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** How a field's type reads in the guide, in Chinese. */
export function describeType(node: JsonNode, objectName?: string): string {
  if (node.anyOf) return node.anyOf.map((n) => describeType(n, objectName)).join(' 或 ');
  if (node.const !== undefined) return `固定写 \`${String(node.const)}\``;
  if (node.enum) return node.enum.map((v) => `\`${String(v)}\``).join(' / ');
  switch (node.type) {
    case 'string':
      if (node.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return '日期 YYYY-MM-DD';
      return node.pattern ? `文本，格式 \`${node.pattern}\`` : '文本';
    case 'integer':
      return node.exclusiveMinimum === 0 ? '正整数' : node.minimum === 0 ? '非负整数' : '整数';
    case 'number':
      return '数字';
    case 'boolean':
      return '`true` / `false`';
    case 'array': {
      const item = node.items ? describeType(node.items, objectName) : '任意';
      return `列表（每项：${item}）${node.minItems ? `，至少 ${node.minItems} 项` : ''}`;
    }
    case 'object':
      return objectName ? `对象，见「${objectName}」` : '对象';
    default:
      return '任意';
  }
}

interface Table {
  heading: string;
  node: JsonNode;
  keys: string[];
  /** Field key → heading of the table that describes its items. */
  names: Map<string, string>;
}

/** Nested object lists get their own table, named by the field's title. */
function nestedTables(node: JsonNode, keys: string[], into: Table[], seen: Set<string>): Map<string, string> {
  const names = new Map<string, string>();
  for (const key of keys) {
    const field = node.properties?.[key];
    const item = field?.items ?? field?.anyOf?.find((n) => n.items)?.items;
    if (!field || !item?.properties) continue;
    const name = `${field.title ?? field.description ?? key}（${key}）的每一项`;
    names.set(key, name);
    if (seen.has(name)) continue;
    seen.add(name);
    const table: Table = { heading: name, node: item, keys: Object.keys(item.properties), names: new Map() };
    into.push(table);
    table.names = nestedTables(item, table.keys, into, seen);
  }
  return names;
}

/** “标题：说明”, without repeating the title when the description already starts with it. */
function meaningOf(field: JsonNode, key: string): string {
  const { title, description } = field;
  if (title && description) return description.startsWith(title) ? description : `${title}：${description}`;
  return title ?? description ?? key;
}

function renderTable(table: Table): string[] {
  const required = new Set(table.node.required ?? []);
  const out = [`| 字段 | 含义 | 类型 | 必填 |`, `| --- | --- | --- | --- |`];
  for (const key of table.keys) {
    const field = table.node.properties![key]!;
    const type = key === 'type' && table.heading === commonHeading ? `${documentTypes.map((t) => `\`${t}\``).join(' / ')}，见下文各类型` : describeType(field, table.names.get(key));
    const meaning = key === 'type' && table.heading === commonHeading ? '文件类型，决定文件所在的层级与目录' : meaningOf(field, key);
    out.push(`| \`${key}\` | ${cell(meaning)} | ${cell(type)} | ${required.has(key) ? '是' : '否'} |`);
  }
  return out;
}

/** The field table of the authoring guide: common fields once, then each type's own fields. */
export function fieldsMarkdown(): string {
  const commonKeys = ['type', ...Object.keys(commonFields)];
  const out = ['# 字段表', '', `> ${generatedNote}`, '', '每个受控文件以 `---` 包围的 frontmatter 开头，写明下列字段。字段名必须与表中一致（检查会对拼错的字段给出“是否要写”的提示）；编辑器可使用 `schema/frontmatter.schema.json` 获得补全与校验。', ''];

  const first = jsonSchemaOf(documentSchemas.procedure);
  const nested: Table[] = [];
  const seen = new Set<string>();
  const commonNames = nestedTables(first, commonKeys, nested, seen);
  out.push(`## ${commonHeading}`, '', '“现行文件必填”的字段在 status 为 effective 时由检查规则 status/effective-incomplete 要求。', '');
  out.push(...renderTable({ heading: commonHeading, node: first, keys: commonKeys, names: commonNames }), '');

  for (const type of documentTypes) {
    const node = jsonSchemaOf(documentSchemas[type]);
    const own = Object.keys(node.properties ?? {}).filter((k) => !commonKeys.includes(k));
    out.push(`## ${typeLabels[type]}（type: ${type}）`, '', `存放在 \`content/${folderOfType[type as DocumentType]}/\`。`, '');
    if (own.length === 0) {
      out.push('除共同字段外没有专有字段。', '');
      continue;
    }
    const names = nestedTables(node, own, nested, seen);
    out.push(...renderTable({ heading: type, node, keys: own, names }), '');
  }

  for (const table of nested) out.push(`## ${table.heading}`, '', ...renderTable(table), '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** Every rule with its id, severity and description, in the order the check runs them. */
export function rulesMarkdown(): string {
  const out = ['# 检查规则', '', `> ${generatedNote}`, '', `\`npm run check\` 运行下列 ${rules.length} 条规则。错误（error）使检查以退出码 1 结束；警告（warning）只提示。标有“合并请求”的规则只在 \`--base <Git 引用>\` 时运行。`, '', '| 规则 | 级别 | 说明 |', '| --- | --- | --- |'];
  for (const rule of rules) out.push(`| \`${rule.id}\` | ${rule.severity === 'error' ? '错误' : '警告'} | ${cell(rule.description)} |`);
  return `${out.join('\n')}\n`;
}

/** The guide's index with the number of rules the registry holds, so the count cannot go stale. */
export function guideIndexMarkdown(base = root): string {
  const text = readFileSync(join(base, 'docs/README.md'), 'utf8');
  const count = /\d+ 条检查规则/g;
  if ((text.match(count) ?? []).length !== 1) throw new Error('docs/README.md 中应恰有一处「N 条检查规则」，由 npm run schema 填写规则数');
  return text.replace(count, `${rules.length} 条检查规则`);
}

/** Every generated file: path relative to the project root → its text. */
export function generatedFiles(): Record<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'schema/frontmatter.schema.json': json(frontmatterSchema()),
    'schema/organization.schema.json': json({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: '组织数据 content/org/organization.yaml', ...jsonSchemaOf(organizationSchema) }),
    'schema/framework.schema.json': json({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: '要求框架 content/org/frameworks/*.yaml', ...jsonSchemaOf(frameworkSchema) }),
    'docs/fields.md': fieldsMarkdown(),
    'docs/rules.md': rulesMarkdown(),
    'docs/README.md': guideIndexMarkdown(),
  };
}

/** Paths whose committed text differs from what the schemas generate now. */
export function outOfDate(base = root): string[] {
  return Object.entries(generatedFiles())
    .filter(([path, text]) => {
      try {
        return readFileSync(join(base, path), 'utf8') !== text;
      } catch {
        return true;
      }
    })
    .map(([path]) => path);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const stale = outOfDate();
    if (stale.length > 0) {
      process.stderr.write(`以下生成文件已过期，请运行 npm run schema 后提交：\n${stale.map((p) => `  ${p}`).join('\n')}\n`);
      process.exitCode = 1;
    } else process.stdout.write('生成文件都是最新的\n');
  } else {
    for (const [path, text] of Object.entries(generatedFiles())) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
      process.stdout.write(`已写入 ${path}\n`);
    }
  }
}
