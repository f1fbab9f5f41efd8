/**
 * Finds the control fields a Chinese controlled document carries in its Word text — the header table
 * or first lines (文件编号/版本/页码/生效日期, 编制/审核/批准), the 修订记录 table, a record form's table —
 * and takes them out of the body. The organisation data decides: the type comes from the pattern
 * the number matches, owners must be departments it names.
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { ownDocumentTypes, type OwnDocumentType } from '../model/document-types.ts';
import { indexDepartments } from '../model/organization.ts';
import type { FormField, Revision } from '../model/schemas/index.ts';
import type { Organization } from '../model/schemas/organization.ts';
import type { MergedCells } from './read-docx.ts';

/** Control fields found in the Word text, before they are checked against the set. */
export interface RecognisedFields {
  type?: OwnDocumentType;
  number?: string;
  /** The number as written, when it matched no pattern of organization.yaml. */
  rawNumber?: string;
  title?: string;
  version?: string;
  effectiveDate?: string;
  preparedBy?: string;
  reviewedBy?: string;
  approvedBy?: string;
  owners?: string[];
  issuedAs?: string;
  keeper?: string;
  retention?: string;
  revisions?: Revision[];
  fields?: FormField[];
}

/** A control field that was there but could not be used, or was expected and missing. */
export interface RecogniseNote {
  id: 'no-number' | 'no-title' | 'unknown-department' | 'bad-date' | 'no-revisions' | 'form-fields' | 'no-owner' | 'unresolved-ref' | 'merged-cells';
  /** The frontmatter field it concerns, to point at its line. */
  field?: string;
  /** Text in the written file to point at (the body line that holds it), when there is no field. */
  find?: string;
  message: string;
}

type Key = keyof Omit<RecognisedFields, 'type' | 'rawNumber' | 'revisions' | 'fields'> | 'page';

/** Labels as colleges write them, mapped to fields (spaces and colons removed before matching). */
const labelKeys: [RegExp, Key][] = [
  [/^(文件编号|编号|文件号|表单编号|记录编号|文件代号)$/, 'number'],
  [/^(版本|版本号|版次|版本\/修改状态|修订状态|版本状态|版本\/修订)$/, 'version'],
  [/^(生效日期|实施日期|施行日期|生效时间)$/, 'effectiveDate'],
  [/^(编制|编写|起草|拟制|编制人|拟稿)$/, 'preparedBy'],
  [/^(审核|审核人|审定)$/, 'reviewedBy'],
  [/^(批准|批准人|签发)$/, 'approvedBy'],
  [/^(主管部门|牵头部门|归口部门|责任部门|编制部门|主办部门)$/, 'owners'],
  [/^(发文字号|文号)$/, 'issuedAs'],
  [/^保管部门$/, 'keeper'],
  [/^(保存期限|保存期)$/, 'retention'],
  [/^(页码|页次|页数)$/, 'page'],
  [/^(文件名称|名称)$/, 'title'],
];

function keyOf(label: string): Key | undefined {
  const clean = label.replace(/[\s\u3000]+/g, '').replace(/[：:]$/, '');
  return labelKeys.find(([re]) => re.test(clean))?.[1];
}

/** Text of an mdast node. */
export function textOf(node: RootContent | Root | PhrasingContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('');
  return '';
}

/** Full-width letters, digits and punctuation as ASCII; spaces out. */
export function normaliseNumber(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/g, '').replace(/[－—–]/g, '-').toUpperCase();
}

/** The college's own type whose numbering pattern the number matches (a Word file is never a 外来文件 to import). */
export function typeOfNumber(org: Organization, number: string): OwnDocumentType | undefined {
  return ownDocumentTypes.find((t) => new RegExp(org.numbering[t].pattern).test(number));
}

/** 2021年3月10日, 2021.3.10, 2021/03/10 → 2021-03-10; undefined when it is no date. */
export function isoDateOf(text: string): string | undefined {
  const m = /(\d{4})\s*[年.\-/／]\s*(\d{1,2})\s*[月.\-/／]\s*(\d{1,2})\s*日?/.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ? undefined : date;
}

/** Pairs “键：值” on one line; undefined unless every pair has a known key (then it is a control line). */
function controlLine(text: string): [Key, string][] | undefined {
  const pairs: [Key, string][] = [];
  const pattern = /([^\s：:\u3000]{1,10})[ \u3000]*[：:][ \u3000]*(.*?)(?=[\s\u3000]+[^\s：:\u3000]{1,10}[ \u3000]*[：:]|$)/g;
  let consumed = '';
  for (const m of text.trim().matchAll(pattern)) {
    const key = keyOf(m[1]!);
    if (!key) return undefined;
    pairs.push([key, m[2]!.trim()]);
    consumed += m[0];
  }
  return pairs.length > 0 && consumed.replace(/\s/g, '').length === text.replace(/\s/g, '').length ? pairs : undefined;
}

function cellTexts(row: TableRow): string[] {
  return row.children.map((c) => textOf(c).trim());
}

/** Label/value pairs of a header table: side by side (文件编号 | JMI/CX/13), or labels over values (编制 | 审核 | 批准). */
function controlTable(table: Table): [Key, string][] | undefined {
  const pairs: [Key, string][] = [];
  const rows = table.children.map(cellTexts);
  rows.forEach((cells, r) => {
    const keys = cells.map((c) => (c ? keyOf(c) : undefined));
    const allKeys = cells.filter(Boolean).length > 1 && cells.every((c, i) => !c || keys[i]);
    if (allKeys && rows[r + 1] && rows[r + 1]!.every((c) => !c || !keyOf(c))) {
      keys.forEach((k, i) => k && pairs.push([k, rows[r + 1]![i] ?? '']));
      return;
    }
    for (let i = 0; i < cells.length - 1; i++) {
      const k = keys[i];
      if (k && !keys[i + 1]) {
        pairs.push([k, cells[i + 1]!]);
        i++;
      }
    }
    // “第1页 共3页” alone in a cell, or a whole line “文件编号：…” in one cell.
    for (const c of cells) for (const pair of controlLine(c) ?? []) pairs.push(pair);
  });
  return pairs.filter(([k]) => k !== 'page').length >= 2 ? pairs : undefined;
}

const revisionColumns: [RegExp, keyof Revision][] = [
  [/版本|版次/, 'version'],
  [/日期|时间/, 'date'],
  [/内容|摘要|说明|事项|原因/, 'summary'],
  [/修订人|修改人|编制|作者|起草|修订者|经办/, 'author'],
];

/** Column of each revision field, when the first row is a 修订记录 header. */
function revisionHeader(table: Table): Partial<Record<keyof Revision, number>> | undefined {
  const head = table.children[0] ? cellTexts(table.children[0]) : [];
  const columns: Partial<Record<keyof Revision, number>> = {};
  head.forEach((text, i) => {
    const hit = revisionColumns.find(([re, field]) => columns[field] === undefined && re.test(text));
    if (hit) columns[hit[1]] = i;
  });
  return columns.version !== undefined && columns.date !== undefined && columns.summary !== undefined ? columns : undefined;
}

const revisionHeading = /^(文件)?(修订|修改|变更|更改)(记录|履历|历史|页)$/;
const chapterParagraph = /^第[一二三四五六七八九十百零〇\d]+章[\s\u3000]*\S.{0,28}$/;
const sectionParagraph = /^第[一二三四五六七八九十百零〇\d]+节[\s\u3000]*\S.{0,28}$/;
const typeLabelPrefix = /^(质量手册|程序文件|管理制度|制度|标准|流程|质量记录|记录表单|表单)[\s\u3000:：]*/;

/** Recognises the control fields and returns the body without them. */
export function recognise(tree: Root, org: Organization, notes: RecogniseNote[], merged: ReadonlyMap<Table, MergedCells> = new Map()): { fields: RecognisedFields; body: Root } {
  const fields: RecognisedFields = {};
  const found: [Key, string][] = [];
  const children = [...tree.children];
  const body: RootContent[] = [];
  const institutionNames = [org.institution.name, org.institution.name.replace(/[（(].*?[）)]$/, ''), org.institution.shortName];

  // 1. The top: title, institution, control lines and header tables, until the first heading or other content.
  let i = 0;
  for (; i < children.length; i++) {
    const node = children[i]!;
    if (node.type === 'paragraph') {
      const text = textOf(node).trim();
      const pairs = controlLine(text);
      if (pairs) {
        found.push(...pairs);
        continue;
      }
      // The institution's name and a kind line such as “程序文件” above the title.
      if (text === '' || institutionNames.includes(text) || text.replace(typeLabelPrefix, '') === '') continue;
      if (!fields.title && text.length <= 40 && !/[。；;]/.test(text)) {
        fields.title = text.replace(typeLabelPrefix, '').trim();
        continue;
      }
      break;
    }
    if (node.type === 'table') {
      const pairs = revisionHeader(node) ? undefined : controlTable(node);
      if (pairs) {
        found.push(...pairs);
        continue;
      }
      break;
    }
    if (node.type === 'heading' && !fields.title && i === 0 && !/^[\d一二三四五六七八九十]/.test(textOf(node).trim())) {
      fields.title = textOf(node).trim().replace(typeLabelPrefix, '').trim();
      continue;
    }
    break;
  }

  // 2. The rest: revision tables (with their heading), trailing control lines, chapter paragraphs.
  for (let j = i; j < children.length; j++) {
    const node = children[j]!;
    const next = children[j + 1];
    if (node.type === 'heading' && revisionHeading.test(plainHeading(node)) && next?.type === 'table' && revisionHeader(next)) continue;
    if (node.type === 'paragraph' && revisionHeading.test(textOf(node).replace(/[\s\u3000]/g, '')) && next?.type === 'table' && revisionHeader(next)) continue;
    if (node.type === 'table') {
      const columns = revisionHeader(node);
      if (columns) {
        fields.revisions = [...(fields.revisions ?? []), ...revisionsOf(node, columns, notes)];
        continue;
      }
    }
    if (node.type === 'paragraph') {
      const text = textOf(node).trim();
      const pairs = j >= children.length - 3 ? controlLine(text) : undefined;
      if (pairs) {
        found.push(...pairs);
        continue;
      }
      if (chapterParagraph.test(text) || sectionParagraph.test(text)) {
        body.push({ type: 'heading', depth: chapterParagraph.test(text) ? 1 : 2, children: [{ type: 'text', value: text.replace(/\s+/g, ' ') }] });
        continue;
      }
    }
    body.push(node);
  }

  // 3. Values into fields.
  for (const [key, value] of found) {
    if (key === 'page' || value === '') continue;
    if (key === 'number') {
      const number = normaliseNumber(value);
      const type = typeOfNumber(org, number);
      if (type) [fields.number, fields.type] = [number, type];
      else fields.rawNumber ??= value;
    } else if (key === 'effectiveDate') {
      const date = isoDateOf(value);
      if (date) fields.effectiveDate = date;
      else notes.push({ id: 'bad-date', field: 'effectiveDate', message: `生效日期 "${value}" 不是日期，未导入：请写成 YYYY-MM-DD` });
    } else if (key === 'owners') {
      fields.owners = value.split(/[、，,;；\s]+/).filter(Boolean);
    } else if (key === 'version') {
      fields.version ??= value.normalize('NFKC').replace(/\s+/g, '');
    } else {
      fields[key] ??= value;
    }
  }
  if (fields.owners) fields.owners = departmentsOf(org, fields.owners, notes);
  if (fields.keeper) {
    const [keeper] = departmentsOf(org, [fields.keeper], notes);
    if (keeper) fields.keeper = keeper;
    else delete fields.keeper;
  }
  if (fields.retention) fields.retention = fields.retention.normalize('NFKC').replace(/\s+/g, '');

  // 4. A record form: its first table becomes the form's fields.
  if (fields.type === 'record') {
    const form = body.findIndex((n) => n.type === 'table');
    if (form >= 0) {
      fields.fields = formFieldsOf(body[form] as Table);
      body.splice(form, 1);
      notes.push({ id: 'form-fields', field: 'fields', message: `表单的 ${fields.fields.length} 个字段由 Word 表格生成（类型按栏名推断：日期、签字、意见等），请核对字段类型、必填和选项` });
    }
  }
  // 5. Tables left in the body that had merged cells get a note under them.
  const withNotes = body.flatMap((node): RootContent[] => {
    const cells = node.type === 'table' ? merged.get(node) : undefined;
    if (!cells) return [node];
    notes.push({ id: 'merged-cells', message: cells.message, find: cells.note });
    return [node, paragraph(cells.note)];
  });
  return { fields, body: { type: 'root', children: shiftHeadings(withNotes) } };
}

function plainHeading(node: Heading): string {
  return textOf(node).replace(/^[\d.\s、一二三四五六七八九十]+/, '').replace(/[\s\u3000]/g, '');
}

function revisionsOf(table: Table, columns: Partial<Record<keyof Revision, number>>, notes: RecogniseNote[]): Revision[] {
  return table.children.slice(1).flatMap((row) => {
    const cells = cellTexts(row);
    const get = (field: keyof Revision) => (columns[field] === undefined ? '' : (cells[columns[field]!] ?? ''));
    if (!get('version') && !get('summary')) return [];
    const date = isoDateOf(get('date'));
    if (!date) notes.push({ id: 'bad-date', field: 'revisions', message: `修订记录 ${get('version') || '（无版本）'} 的日期 "${get('date')}" 不是日期：请在 revisions 中补上 YYYY-MM-DD` });
    return [{ version: get('version').normalize('NFKC').replace(/\s+/g, ''), date: date ?? '', summary: get('summary'), author: get('author') }];
  });
}

/** Department names as the set writes them (short names); names that match no department are reported and left out. */
function departmentsOf(org: Organization, names: string[], notes: RecogniseNote[]): string[] {
  const index = indexDepartments(org);
  return names.flatMap((name) => {
    const found = index.resolve(name.trim());
    if (found?.kind === 'department') return [found.department.shortName];
    if (found?.kind === 'group') return [found.name];
    notes.push({ id: 'unknown-department', field: 'owners', message: `部门 "${name}" 不在 organization.yaml 的部门清单中，未导入：请写部门的编号、简称或全称，或先在 organization.yaml 中加入该部门` });
    return [];
  });
}

/** Fields of a form table: each label cell (followed by an empty cell, or ending in ：) is one field. */
function formFieldsOf(table: Table): FormField[] {
  const fields: FormField[] = [];
  const seen = new Set<string>();
  for (const row of table.children) {
    const cells = cellTexts(row);
    cells.forEach((text, i) => {
      const label = text.replace(/[：:\s\u3000]+$/, '').replace(/\s+/g, ' ');
      const isLabel = label !== '' && label.length <= 20 && (/[：:]$/.test(text) || cells[i + 1] === '' || i === cells.length - 1);
      if (!isLabel || seen.has(label)) return;
      seen.add(label);
      const kind: FormField['kind'] = /签字|签名|签章|盖章/.test(label) ? 'signature' : /日期|时间/.test(label) ? 'date' : /意见|理由|说明|内容|情况|总结|建议|要点/.test(label) ? 'textarea' : 'text';
      fields.push({ label, kind });
    });
  }
  return fields;
}

/** Word's top heading level is the document's first section: ## in our documents (# is the title). */
function shiftHeadings(nodes: RootContent[]): RootContent[] {
  const depths = nodes.filter((n): n is Heading => n.type === 'heading').map((n) => n.depth);
  const shift = depths.length ? 2 - Math.min(...depths) : 0;
  return nodes.map((n) => (n.type === 'heading' ? { ...n, depth: Math.min(6, Math.max(1, n.depth + shift)) as Heading['depth'] } : n));
}

/** A body paragraph made of text. */
export function paragraph(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}
