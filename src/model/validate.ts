/**
 * Validates frontmatter field by field, so that one bad field does not hide the good ones:
 * every field that passes is kept, and every one that fails becomes an issue with its position.
 */
import { z } from 'zod';
import { closest } from './did-you-mean.ts';
import type { FieldPlace } from './frontmatter.ts';
import type { Span } from './position.ts';

export type SchemaIssueKind = 'required' | 'type' | 'unknown';

export interface SchemaIssue {
  kind: SchemaIssueKind;
  /** Dotted path of the field, e.g. `revisions.1.date`. */
  path: string;
  message: string;
  span: Span;
}

export interface FieldwiseResult<T> {
  data: Partial<T>;
  issues: SchemaIssue[];
}

type Shape = Record<string, z.ZodType>;

/**
 * Validates `raw` against an object schema one top-level field at a time. `placesOf` gives where the
 * fields sit; it is called only when there are issues to place.
 */
export function validateFieldwise<T>(
  schema: z.ZodObject<Shape>,
  raw: unknown,
  placesOf: () => Record<string, FieldPlace>,
  fallback: Span,
): FieldwiseResult<T> {
  const issues: SchemaIssue[] = [];
  const data: Record<string, unknown> = {};
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push({ kind: 'type', path: '', message: 'frontmatter 应是“字段: 值”的列表，而不是单个值或列表', span: fallback });
    return { data: {} as Partial<T>, issues };
  }
  const input = raw as Record<string, unknown>;
  // Most documents are valid: one parse of the whole object is much cheaper than one per field.
  const whole = schema.safeParse(input);
  if (whole.success) return { data: whole.data as Partial<T>, issues };
  const places = placesOf();
  const shape = schema.shape;
  const titles = titleIndex(shape);

  for (const [key, value] of Object.entries(input)) {
    if (key in shape) continue;
    const suggestion = titles.get(key) ?? closest(key, Object.keys(shape));
    issues.push({
      kind: 'unknown',
      path: key,
      message: `未知字段 "${key}"${suggestion ? `，是否要写 "${suggestion}"？` : '；请删除它，或查看编写指南中的字段表'}`,
      span: places[key]?.key ?? places[key]?.value ?? fallback,
    });
    void value;
  }

  for (const [key, fieldSchema] of Object.entries(shape)) {
    const result = fieldSchema.safeParse(input[key], { reportInput: true });
    if (result.success) {
      if (result.data !== undefined) data[key] = result.data;
      continue;
    }
    for (const issue of result.error.issues) {
      issues.push(...toSchemaIssues(issue, [key, ...issue.path.map(String)], places, fallback, fieldSchema, issue.path.map(String), input));
    }
  }
  return { data: data as Partial<T>, issues };
}

/** Validates a whole object (organisation data) and returns issues with positions. */
export function validateWhole<T>(schema: z.ZodType<T>, raw: unknown, places: Record<string, FieldPlace>, fallback: Span): { data?: T; issues: SchemaIssue[] } {
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return { data: result.data, issues: [] };
  return { issues: result.error.issues.flatMap((issue) => toSchemaIssues(issue, issue.path.map(String), places, fallback, schema, issue.path.map(String), raw)) };
}

const titleIndexes = new WeakMap<Shape, Map<string, string>>();

/** Chinese field titles → field names, built once per schema. */
function titleIndex(shape: Shape): Map<string, string> {
  const known = titleIndexes.get(shape);
  if (known) return known;
  const map = new Map<string, string>();
  titleIndexes.set(shape, map);
  for (const [key, field] of Object.entries(shape)) {
    const title = z.globalRegistry.get(field)?.title;
    if (typeof title === 'string') map.set(title, key);
  }
  return map;
}

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表（每项一行，以“- ”开头）',
  object: '“字段: 值”形式的对象',
  date: '日期',
};

function describeInput(input: unknown): string {
  if (input === undefined) return '空';
  if (input === null) return '空值';
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'object') return '对象';
  if (typeof input === 'string') return `"${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  return String(input);
}

/** One issue per unknown key (each with its own did-you-mean from the keys allowed there); otherwise one issue. */
function toSchemaIssues(issue: z.core.$ZodIssue, path: string[], places: Record<string, FieldPlace>, fallback: Span, schema: z.ZodType | undefined, inner: string[], root: unknown): SchemaIssue[] {
  if (issue.code !== 'unrecognized_keys') return [toSchemaIssue(issue, path, places, fallback, schema, root)];
  const allowed = schema ? objectKeysAt(schema, inner) : [];
  const where = path.join('.');
  return issue.keys.map((key) => {
    const suggestion = closest(key, allowed);
    const keyPath = [...path, key].join('.');
    return {
      kind: 'unknown' as const,
      path: keyPath,
      message: `未知字段 "${key}"${where ? `（在${readablePath(path, root)}中）` : ''}${suggestion ? `，是否要写 "${suggestion}"？` : `；这里可写的字段是 ${allowed.join('、') || '（无）'}`}`,
      span: places[keyPath]?.key ?? places[keyPath]?.value ?? places[where]?.value ?? fallback,
    };
  });
}

/** The keys an object schema allows at `path` (array indexes skipped, optional unwrapped). */
function objectKeysAt(schema: z.ZodType, path: readonly string[]): string[] {
  let current: z.ZodType | undefined = schema;
  const unwrap = (s: z.ZodType | undefined): z.ZodType | undefined => {
    let t = s;
    while (t && ['optional', 'nullable', 'default'].includes(t._zod.def.type)) t = (t._zod.def as unknown as { innerType: z.ZodType }).innerType;
    return t;
  };
  for (const segment of path) {
    current = unwrap(current);
    if (!current) return [];
    if (current._zod.def.type === 'array') current = (current._zod.def as unknown as { element: z.ZodType }).element;
    else if (current._zod.def.type === 'object') current = (current as z.ZodObject).shape[segment];
    else return [];
  }
  current = unwrap(current);
  if (current?._zod.def.type === 'array') current = unwrap((current._zod.def as unknown as { element: z.ZodType }).element);
  return current?._zod.def.type === 'object' ? Object.keys((current as z.ZodObject).shape) : [];
}

function toSchemaIssue(issue: z.core.$ZodIssue, path: string[], places: Record<string, FieldPlace>, fallback: Span, fieldSchema: z.ZodType | undefined, root: unknown): SchemaIssue {
  const dotted = path.join('.');
  const where = (p: string[]): Span => {
    for (let i = p.length; i > 0; i--) {
      const place = places[p.slice(0, i).join('.')];
      if (place) return place.value;
    }
    return fallback;
  };
  const keyOrValue = (p: string[]): Span => places[p.join('.')]?.key ?? where(p);
  // 字段 "title", or for a place inside lists the words a person reads: 第 4 个字段「分解明细」的第 11 列的 "kind".
  const subject = path.length <= 1 ? `字段 "${dotted || '(frontmatter)'}"` : readablePath(path, root);
  const input = (issue as { input?: unknown }).input;

  // A missing field fails as invalid_type, or as invalid_value for a literal such as `type`.
  if (input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const parent = path.slice(0, -1);
    const inItem = parent.length > 0;
    return {
      kind: 'required',
      path: dotted,
      message: inItem ? `缺少必填字段 "${path.at(-1)}"（在${readablePath(parent, root)}中）` : `缺少必填字段 "${dotted}"${hintFor(fieldSchema)}`,
      span: inItem ? where(parent) : fallback,
    };
  }
  switch (issue.code) {
    case 'invalid_type':
      if (path.length === 0) {
        return { kind: 'type', path: '', message: `文件内容应为“字段: 值”形式的对象（每行一个字段，如 name: …），实际是 ${describeInput(input)}：请按编写指南填写`, span: fallback };
      }
      return { kind: 'type', path: dotted, message: `${subject} 应为${typeNames[issue.expected] ?? issue.expected}，实际是 ${describeInput(input)}`, span: where(path) };
    case 'invalid_value': {
      const suggestion = typeof input === 'string' ? closest(input, issue.values.map(String)) : undefined;
      return {
        kind: 'type',
        path: dotted,
        message: `${subject} 的值 ${describeInput(input)} 无效，${suggestion ? `是否要写 "${suggestion}"？` : ''}应为 ${issue.values.map((v) => `"${String(v)}"`).join('、')} 之一`,
        span: where(path),
      };
    }
    case 'too_small':
      if (issue.origin === 'array') return { kind: 'type', path: dotted, message: `${subject} 至少要有 ${String(issue.minimum)} 项`, span: where(path) };
      if (issue.origin === 'string') return { kind: 'type', path: dotted, message: `${subject} 不能为空`, span: where(path) };
      return { kind: 'type', path: dotted, message: `${subject} 应${issue.inclusive === false ? '大于' : '不小于'} ${String(issue.minimum)}，实际是 ${describeInput(input)}`, span: where(path) };
    case 'too_big':
      return { kind: 'type', path: dotted, message: `${subject} 超出上限 ${String(issue.maximum)}`, span: where(path) };
    case 'invalid_format':
    case 'custom':
      return { kind: 'type', path: dotted, message: `${subject} 的值 ${describeInput(input)} 无效：${issue.message}`, span: where(path) };
    case 'invalid_union':
      return { kind: 'type', path: dotted, message: `${subject} 的值 ${describeInput(input)} 无效：${unionHint(fieldSchema)}`, span: where(path) };
    default:
      return { kind: 'type', path: dotted, message: `${subject} 无效：${issue.message}`, span: where(path) };
  }
}

function hintFor(schema?: z.ZodType): string {
  const description = schema ? z.globalRegistry.get(schema)?.description : undefined;
  return description ? `（${description}）` : '';
}

function unionHint(schema?: z.ZodType): string {
  const description = schema ? z.globalRegistry.get(schema)?.description : undefined;
  return description ?? '类型不符';
}

/** How the items of lists read in Chinese, by the list's field name: 第 4 个字段「分解明细」、第 11 列「金额」. */
const itemWords: Record<string, { before: string; after: string }> = {
  fields: { before: '第 ', after: ' 个字段' },
  columns: { before: '第 ', after: ' 列' },
  revisions: { before: '修订记录第 ', after: ' 条' },
  acknowledges: { before: '引用复核第 ', after: ' 条' },
  departments: { before: '第 ', after: ' 个部门' },
  groups: { before: '第 ', after: ' 个部门组' },
  clauses: { before: '第 ', after: ' 个条款' },
};

/**
 * A dotted field path in the words a person reads: `fields.3.columns.10.kind` → 第 4 个字段「分解明细」的第
 * 11 列「金额」的 "kind". Items are named by what they hold (label, version, name), read from `root`.
 */
export function readablePath(path: readonly string[], root: unknown): string {
  const parts: string[] = [];
  let value: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const next = path[i + 1];
    const child = value && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
    if (next !== undefined && /^\d+$/.test(next) && Array.isArray(child)) {
      const item: unknown = child[Number(next)];
      const named = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
      const label = [named.label, named.version, named.name, named.number].find((v) => typeof v === 'string' && v !== '');
      const words = itemWords[segment];
      const position = words ? `${words.before}${Number(next) + 1}${words.after}` : `"${segment}" 的第 ${Number(next) + 1} 项`;
      parts.push(`${position}${label !== undefined ? `「${String(label)}」` : ''}`);
      value = item;
      i++;
    } else {
      parts.push(`"${segment}"`);
      value = child;
    }
  }
  const text = parts.join('的').replace(/的"/g, '的 "');
  return text.startsWith('"') ? `字段 ${text}` : text;
}
