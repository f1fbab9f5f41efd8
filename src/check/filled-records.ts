/**
 * 填好的质量记录的检查: a filled record (JSON or YAML, saved by 在线填写 or exported by another system,
 * shaped as record-json-schema.ts describes) checked against the template version it names. Finds
 * missing required fields, values outside the options, dates that are not calendar days, values of
 * the wrong kind, and a record made on a template version after its successor took effect. Each
 * finding names the file, line and column, and the field path in Chinese words.
 */
import { isCalendarDate } from '../model/calendar-date.ts';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.ts';
import { fieldKeys } from '../model/form-layout.ts';
import { shownColumns } from '../model/form-table.ts';
import type { Span } from '../model/position.ts';
import { recordKeys, signatureKeys } from '../model/record-json-schema.ts';
import type { FormField } from '../model/schemas/record.ts';
import type { TemplateLookup } from '../history/template-versions.ts';

/** Rule ids of check-records findings. */
export const recordRuleIds = {
  syntax: 'record-data/syntax',
  shape: 'record-data/shape',
  unknownForm: 'record-data/unknown-form',
  unknownVersion: 'record-data/unknown-version',
  missing: 'record-data/missing-required',
  notOption: 'record-data/not-an-option',
  invalidDate: 'record-data/invalid-date',
  wrongKind: 'record-data/wrong-kind',
  unknownField: 'record-data/unknown-field',
  superseded: 'record-data/superseded-version',
  obsolete: 'record-data/obsolete-form',
  notYetEffective: 'record-data/version-not-yet-effective',
  oldTemplateUnknown: 'record-data/template-text-unavailable',
} as const;

type PathPart = string | number;

/** A parsed record file: its value and where each part of it is. */
interface ParsedRecord {
  value: unknown;
  /** Span of the value at `path`; of the nearest enclosing key when the path is missing. */
  spanOf(path: PathPart[]): Span;
}

/** Parses JSON or YAML (JSON is YAML) keeping positions; undefined value with a diagnostic on bad syntax. */
function parseRecord(file: string, text: string): { parsed?: ParsedRecord; error?: Diagnostic } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const pointAt = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const spanAt = (start: number, end: number): Span => ({ start: pointAt(start), end: pointAt(Math.max(start, end)) });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { error: diagnostic(file, spanAt(e.pos[0], e.pos[1]), 'error', `无法读取记录文件：${e.message.split('\n')[0]}。请检查 JSON/YAML 语法`, recordRuleIds.syntax) };
  }
  const spanOf = (path: PathPart[]): Span => {
    let node: unknown = doc.contents;
    let keyNode: Node | undefined;
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === part);
        // A missing field: point at the key of the object it belongs in (values:).
        if (!pair) {
          if (keyNode) node = undefined;
          break;
        }
        keyNode = isScalar(pair.key) ? pair.key : undefined;
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number' && node.items[part]) {
        node = node.items[part];
        keyNode = undefined;
      } else break;
    }
    const target = (node as Node | null | undefined)?.range ? (node as Node) : keyNode;
    const range = target?.range ?? [0, 0];
    return spanAt(range[0], range[1]);
  };
  return { parsed: { value: doc.toJS(), spanOf } };
}

function diagnostic(file: string, span: Span, severity: Severity, message: string, ruleId: string, related?: Diagnostic['related']): Diagnostic {
  return { file, span, severity, message, ruleId, ...(related ? { related } : {}) };
}

/** “修改要点”第 2 行“是否需同步修改”: a field path in Chinese words. */
function pathWords(key: string, row?: number, column?: string): string {
  return `“${key}”${row !== undefined ? `第 ${row + 1} 行` : ''}${column !== undefined ? `“${column}”` : ''}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const quoted = (v: unknown) => (typeof v === 'string' ? `“${v}”` : JSON.stringify(v));

/** Checks one filled record file (its text) against the templates. */
export function checkFilledRecord(file: string, text: string, templates: TemplateLookup): Diagnostic[] {
  const { parsed, error } = parseRecord(file, text);
  if (!parsed) return [error!];
  const out: Diagnostic[] = [];
  const report = (path: PathPart[], message: string, ruleId: string, severity: Severity = 'error', related?: Diagnostic['related']) =>
    out.push(diagnostic(file, parsed.spanOf(path), severity, message, ruleId, related));
  const record = parsed.value;
  if (!isObject(record)) {
    report([], `记录文件应是一个对象，含 form（${recordKeys.form}）、version（${recordKeys.version}）、date（${recordKeys.date}）和 values（${recordKeys.values}）`, recordRuleIds.shape);
    return out;
  }
  for (const key of ['form', 'version', 'date', 'values'] as const) {
    if (record[key] === undefined) report([], `缺少 ${key}（${recordKeys[key]}）`, recordRuleIds.missing);
  }
  const { form, version, date, values } = record;
  if (date !== undefined && !isCalendarDate(date)) report(['date'], `${recordKeys.date}${quoted(date)}不是有效日期：请写成 YYYY-MM-DD 的真实日期，如 2026-12-05`, recordRuleIds.invalidDate);
  if (typeof form !== 'string' || typeof version !== 'string') return out;
  const current = templates.form(form);
  if (!current) {
    report(['form'], `没有编号为“${form}”的质量记录表单：请写表单上的记录编号，如 JMI/JL/13-01`, recordRuleIds.unknownForm);
    return out;
  }
  const template = templates.version(form, version);
  if (!template) {
    report(['version'], `表单 ${form}《${current.title}》没有版本“${version}”：已有版本 ${current.versions.join('、')}，现行为 ${current.version}`, recordRuleIds.unknownVersion);
    return out;
  }
  const related = template.path ? { file: template.path, span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, message: `表单模板 ${form} 在此` } : undefined;
  if (template.obsolete) {
    const { since, successor } = template.obsolete;
    const instead = successor ? `请改用代替它的表单 ${successor}` : '请改用现行表单';
    if (!since) report(['form'], `表单 ${form}《${current.title}》已作废：${instead}`, recordRuleIds.obsolete, 'warning', related);
    else if (isCalendarDate(date) && date >= since) report(['form'], `记录填写于 ${date}，但表单 ${form}《${current.title}》已于 ${since} 作废：${instead}`, recordRuleIds.obsolete, 'error', related);
  }
  if (isCalendarDate(date)) {
    if (template.supersededBy && date >= template.supersededBy.effectiveDate) {
      report(
        ['version'],
        `记录填写于 ${date}，用的是表单 ${form} 的 ${version} 版，但 ${template.supersededBy.version} 版已于 ${template.supersededBy.effectiveDate} 生效，${version} 版已被替代：请改用现行的 ${current.version} 版表单重新填写`,
        recordRuleIds.superseded,
        'error',
        related,
      );
    } else if (template.effectiveDate && date < template.effectiveDate) {
      report(['version'], `记录填写于 ${date}，早于表单 ${form} 的 ${version} 版生效日期 ${template.effectiveDate}：请核对填写日期或表单版本`, recordRuleIds.notYetEffective, 'warning', related);
    }
  }
  if (!template.fields) {
    report(['version'], `表单 ${form} 的 ${version} 版在 Git 历史中没有原文，无法逐项检查填写内容（只检查了版本和日期）`, recordRuleIds.oldTemplateUnknown, 'warning');
    return out;
  }
  if (values === undefined) return out;
  if (!isObject(values)) {
    report(['values'], `values（${recordKeys.values}）应是以栏目名称为键的对象`, recordRuleIds.shape);
    return out;
  }
  checkValues(values, template.fields, (path, message, ruleId) => report(['values', ...path], message, ruleId));
  return out;
}

type Report = (path: PathPart[], message: string, ruleId: string) => void;

/** Checks the values of every field against its kind, options and required flag. */
function checkValues(values: Record<string, unknown>, fields: FormField[], report: Report): void {
  const keyed = fieldKeys(fields);
  const known = new Set(keyed.map((k) => k.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) report([key], `表单中没有栏目“${key}”：栏目有 ${[...known].join('、')}`, recordRuleIds.unknownField);
  }
  for (const { key, field } of keyed) {
    const value = values[key];
    const words = pathWords(key);
    const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (field.required) report([key], `必填栏目${words}没有填写`, recordRuleIds.missing);
      continue;
    }
    checkFieldValue(key, field, value, report);
  }
}

function checkFieldValue(key: string, field: FormField, value: unknown, report: Report): void {
  const words = pathWords(key);
  const options = field.options ?? [];
  switch (field.kind) {
    case 'text':
    case 'textarea':
      if (typeof value !== 'string') report([key], `${words}应填写文字，收到 ${quoted(value)}`, recordRuleIds.wrongKind);
      return;
    case 'number':
      if (typeof value !== 'number') report([key], `${words}应填写数字，收到 ${quoted(value)}`, recordRuleIds.wrongKind);
      return;
    case 'date':
      if (!isCalendarDate(value)) report([key], `${words}的${quoted(value)}不是有效日期：请写成 YYYY-MM-DD 的真实日期`, recordRuleIds.invalidDate);
      return;
    case 'checkbox':
      if (typeof value !== 'boolean') report([key], `${words}是勾选项，应为 true 或 false，收到 ${quoted(value)}`, recordRuleIds.wrongKind);
      return;
    case 'choice':
      if (typeof value !== 'string' || !options.includes(value)) report([key], `${words}的值${quoted(value)}不在选项中：可选 ${options.join('、')}`, recordRuleIds.notOption);
      return;
    case 'multichoice': {
      if (!Array.isArray(value)) {
        report([key], `${words}是多选，应为选项的列表，收到 ${quoted(value)}`, recordRuleIds.wrongKind);
        return;
      }
      value.forEach((v, i) => {
        if (typeof v !== 'string' || !options.includes(v)) report([key, i], `${words}的值${quoted(v)}不在选项中：可选 ${options.join('、')}`, recordRuleIds.notOption);
      });
      return;
    }
    case 'signature': {
      if (!isObject(value)) {
        report([key], `${words}是签名栏，应写成 { ${signatureKeys.name}: 姓名, ${signatureKeys.date}: YYYY-MM-DD }`, recordRuleIds.wrongKind);
        return;
      }
      if (field.required && !value[signatureKeys.name]) report([key], `必填栏目${words}没有签名`, recordRuleIds.missing);
      const when = value[signatureKeys.date];
      if (when !== undefined && !isCalendarDate(when)) report([key, signatureKeys.date], `${words}的签名日期${quoted(when)}不是有效日期`, recordRuleIds.invalidDate);
      return;
    }
    case 'table': {
      if (!Array.isArray(value)) {
        report([key], `${words}是表格，应为行的列表（每行以列名为键）`, recordRuleIds.wrongKind);
        return;
      }
      const columns = shownColumns(field).filter((c) => !c.serial);
      const names = new Set(columns.map((c) => c.label));
      value.forEach((row, i) => {
        if (!isObject(row)) {
          report([key, i], `${pathWords(key, i)}应是以列名为键的对象`, recordRuleIds.wrongKind);
          return;
        }
        for (const name of Object.keys(row)) {
          if (!names.has(name)) report([key, i, name], `${pathWords(key, i)}没有列“${name}”：列有 ${[...names].join('、')}`, recordRuleIds.unknownField);
        }
        for (const c of columns) {
          const cell = row[c.label];
          if (cell === undefined || cell === null || cell === '') continue;
          const where = pathWords(key, i, c.label);
          if (c.kind === 'choice' && (typeof cell !== 'string' || !(c.options ?? []).includes(cell))) {
            report([key, i, c.label], `${where}的值${quoted(cell)}不在选项中：可选 ${(c.options ?? []).join('、')}`, recordRuleIds.notOption);
          } else if (c.kind === 'date' && !isCalendarDate(cell)) {
            report([key, i, c.label], `${where}的${quoted(cell)}不是有效日期：请写成 YYYY-MM-DD 的真实日期`, recordRuleIds.invalidDate);
          } else if (c.kind === 'number' && typeof cell !== 'number') {
            report([key, i, c.label], `${where}应填写数字，收到 ${quoted(cell)}`, recordRuleIds.wrongKind);
          } else if (c.kind === 'checkbox' && typeof cell !== 'boolean') {
            report([key, i, c.label], `${where} 是勾选项，应为 true 或 false，收到 ${quoted(cell)}`, recordRuleIds.wrongKind);
          }
        }
      });
      return;
    }
  }
}
