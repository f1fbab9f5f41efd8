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
      issues.push(...toSchemaIssues(issue, [key, ...issue.path.map(String)], places, fallback, fieldSchema, issue.path.map(String)));
    }
  }
  return { data: data as Partial<T>, issues };
}

/** Validates a whole object (organisation data) and returns issues with positions. */
export function validateWhole<T>(schema: z.ZodType<T>, raw: unknown, places: Record<string, FieldPlace>, fallback: Span): { data?: T; issues: SchemaIssue[] } {
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return { data: result.data, issues: [] };
  return { issues: result.error.issues.flatMap((issue) => toSchemaIssues(issue, issue.path.map(String), places, fallback, schema, issue.path.map(String))) };
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
function toSchemaIssues(issue: z.core.$ZodIssue, path: string[], places: Record<string, FieldPlace>, fallback: Span, schema: z.ZodType | undefined, inner: string[]): SchemaIssue[] {
  if (issue.code !== 'unrecognized_keys') return [toSchemaIssue(issue, path, places, fallback, schema)];
  const allowed = schema ? objectKeysAt(schema, inner) : [];
  const where = path.join('.');
  return issue.keys.map((key) => {
    const suggestion = closest(key, allowed);
    const keyPath = [...path, key].join('.');
    return {
      kind: 'unknown' as const,
      path: keyPath,
      message: `未知字段 "${key}"${where ? `（在 ${where} 中）` : ''}${suggestion ? `，是否要写 "${suggestion}"？` : `；这里可写的字段是 ${allowed.join('、') || '（无）'}`}`,
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

function toSchemaIssue(issue: z.core.$ZodIssue, path: string[], places: Record<string, FieldPlace>, fallback: Span, fieldSchema?: z.ZodType): SchemaIssue {
  const dotted = path.join('.');
  const where = (p: string[]): Span => {
    for (let i = p.length; i > 0; i--) {
      const place = places[p.slice(0, i).join('.')];
      if (place) return place.value;
    }
    return fallback;
  };
  const keyOrValue = (p: string[]): Span => places[p.join('.')]?.key ?? where(p);
  const name = dotted || '(frontmatter)';
  const input = (issue as { input?: unknown }).input;

  // A missing field fails as invalid_type, or as invalid_value for a literal such as `type`.
  if (input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const parent = path.slice(0, -1);
    const inItem = parent.length > 0;
    return {
      kind: 'required',
      path: dotted,
      message: inItem ? `缺少必填字段 "${path.at(-1)}"（在 ${parent.join('.')} 中）` : `缺少必填字段 "${name}"${hintFor(fieldSchema)}`,
      span: inItem ? where(parent) : fallback,
    };
  }
  switch (issue.code) {
    case 'invalid_type':
      if (path.length === 0) {
        return { kind: 'type', path: '', message: `文件内容应为“字段: 值”形式的对象（每行一个字段，如 name: …），实际是 ${describeInput(input)}：请按编写指南填写`, span: fallback };
      }
      return { kind: 'type', path: dotted, message: `字段 "${name}" 应为${typeNames[issue.expected] ?? issue.expected}，实际是 ${describeInput(input)}`, span: where(path) };
    case 'invalid_value': {
      const suggestion = typeof input === 'string' ? closest(input, issue.values.map(String)) : undefined;
      return {
        kind: 'type',
        path: dotted,
        message: `字段 "${name}" 的值 ${describeInput(input)} 无效，${suggestion ? `是否要写 "${suggestion}"？` : ''}应为 ${issue.values.map((v) => `"${String(v)}"`).join('、')} 之一`,
        span: where(path),
      };
    }
    case 'too_small':
      if (issue.origin === 'array') return { kind: 'type', path: dotted, message: `字段 "${name}" 至少要有 ${String(issue.minimum)} 项`, span: where(path) };
      if (issue.origin === 'string') return { kind: 'type', path: dotted, message: `字段 "${name}" 不能为空`, span: where(path) };
      return { kind: 'type', path: dotted, message: `字段 "${name}" 应${issue.inclusive === false ? '大于' : '不小于'} ${String(issue.minimum)}，实际是 ${describeInput(input)}`, span: where(path) };
    case 'too_big':
      return { kind: 'type', path: dotted, message: `字段 "${name}" 超出上限 ${String(issue.maximum)}`, span: where(path) };
    case 'invalid_format':
    case 'custom':
      return { kind: 'type', path: dotted, message: `字段 "${name}" 的值 ${describeInput(input)} 无效：${issue.message}`, span: where(path) };
    case 'invalid_union':
      return { kind: 'type', path: dotted, message: `字段 "${name}" 的值 ${describeInput(input)} 无效：${unionHint(fieldSchema)}`, span: where(path) };
    default:
      return { kind: 'type', path: dotted, message: `字段 "${name}" 无效：${issue.message}`, span: where(path) };
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
