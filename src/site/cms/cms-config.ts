/**
 * The Decap CMS configuration (网页编辑) generated from the zod schemas: one collection per document
 * type and folder, Chinese labels and hints from the schema metadata, selects for status, departments
 * and references, and the next free numbers (from the same logic as `npm run new`).
 */
import { z } from 'zod';
import { childStem, nextChildNumber, nextTopNumber, procedurePart, standardGroup } from '../../authoring/numbering.ts';
import { firstVersion } from '../../model/version.ts';
import { documentTypes, externalStatusLabels, folderOfType, ownDocumentTypes, statusLabels, typeLabels, type DocumentType } from '../../model/document-types.ts';
import type { DocumentSet } from '../../model/load.ts';
import { isCurrent } from '../../graph/lifecycle.ts';
import { documentPath } from '../../render/urls.ts';
import { documentSchemas } from '../../model/schemas/index.ts';
import { standardLevels } from '../../model/schemas/standard.ts';
import { departmentRef, documentNumber } from '../../model/schemas/common.ts';

/** Which Git host the editor writes to (后端): GitHub, GitLab, Gitea or Forgejo (the last three also self-hosted). */
export interface CmsBackend {
  name: 'github' | 'gitlab' | 'gitea' | 'forgejo';
  repo: string;
  branch?: string;
  base_url?: string;
  api_root?: string;
  auth_type?: 'pkce' | 'implicit';
  app_id?: string;
  auth_endpoint?: string;
}

type JsonNode = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  title?: string;
  description?: string;
  pattern?: string;
  items?: JsonNode;
  properties?: Record<string, JsonNode>;
  required?: string[];
  anyOf?: JsonNode[];
};

/** A Decap field (widget) description. */
export type CmsField = Record<string, unknown> & { name: string; label: string; widget: string };

/** Options for selects: departments and document numbers from the current set. */
interface Choices {
  departments: { label: string; value: string }[];
  numbers: { label: string; value: string }[];
}

const statusOptions = Object.entries(statusLabels).map(([value, label]) => ({ label: `${label}（${value}）`, value }));

/** The fields of one type, in schema order; fields Decap cannot edit (all | list) are left out and kept as written. */
export function cmsFields(type: DocumentType, choices: Choices): CmsField[] {
  const json = z.toJSONSchema(documentSchemas[type], { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonNode;
  const required = new Set(json.required ?? []);
  const fields: CmsField[] = [];
  for (const [name, node] of Object.entries(json.properties ?? {})) {
    const field = fieldOf(name, node, required.has(name), choices);
    if (field) fields.push(field);
  }
  // The body is edited as raw Markdown text: the rich editor would rewrite tables, lists and [[…]] references.
  fields.push({ name: 'body', label: '正文', widget: 'markdown', modes: ['raw'], hint: 'Markdown 正文；引用其他文件写 [[JMI/CX/13]]。只改需要改的句子，其余保持原样' });
  // 外来文件 are not approved here: their states read 现行有效 / 已废止, as on the site and the register.
  if (type === 'external') return fields.map((f) => (f.name === 'status' ? { ...f, options: Object.entries(externalStatusLabels).map(([value, label]) => ({ label: `${label}（${value}）`, value })) } : f));
  return fields;
}

function fieldOf(name: string, node: JsonNode, required: boolean, choices: Choices): CmsField | undefined {
  // Nested fields (revision records) carry a description only: its first phrase is the label.
  const label = node.title ?? node.description?.split(/[，\s]/)[0] ?? name;
  const base = { name, label, required, ...(node.description ? { hint: node.description } : {}) };
  if (node.const !== undefined) return { ...base, widget: 'hidden', default: node.const };
  if (node.anyOf) return undefined;
  if (node.enum) {
    const options = name === 'status' ? statusOptions : node.enum.map((v) => ({ label: String(v), value: String(v) }));
    return { ...base, widget: 'select', options };
  }
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  if (type === 'boolean') return { ...base, widget: 'boolean' };
  if (type === 'integer' || type === 'number') return { ...base, widget: 'number', value_type: type === 'integer' ? 'int' : 'float' };
  if (type === 'string') {
    if (node.description === documentNumber.meta()?.description && name !== 'number') return { ...base, widget: 'select', options: choices.numbers };
    return { ...base, widget: 'string', ...(node.pattern ? { pattern: [node.pattern, `格式不对：${node.description ?? ''}`] } : {}) };
  }
  if (type === 'array' && node.items) {
    const item = node.items;
    const itemType = Array.isArray(item.type) ? item.type[0] : item.type;
    if (itemType === 'string' && !item.enum) {
      if (item.description === departmentRef.meta()?.description) return { ...base, widget: 'select', multiple: true, options: choices.departments };
      if (item.description === documentNumber.meta()?.description || item.description === '被引用文件的编号') {
        return { ...base, widget: 'select', multiple: true, options: choices.numbers };
      }
      return { ...base, widget: 'list' };
    }
    if (itemType === 'object' && item.properties) {
      const inner = new Set(item.required ?? []);
      const fields = Object.entries(item.properties).map(([n, p]) => fieldOf(n, p, inner.has(n), choices));
      if (fields.some((f) => !f || f.widget === 'list' || f.widget === 'object')) return undefined;
      return { ...base, widget: 'list', fields: fields as CmsField[] };
    }
    return undefined;
  }
  return undefined;
}

/**
 * Defaults of a new document: the next free number (top-level types), or an empty number that the
 * pre-save hook fills from the chosen procedure or standard level; status draft; the first version.
 */
function withNewDocumentDefaults(field: CmsField, next: string | Record<string, string> | undefined, first: string): CmsField {
  if (field.name === 'number') {
    if (typeof next === 'string') return { ...field, default: next };
    return { ...field, required: false, hint: `${String(field.hint ?? '')}。新建时可留空：保存时按所属程序（标准按层面）自动取下一个空闲编号` };
  }
  if (field.name === 'status') return { ...field, default: 'draft' };
  if (field.name === 'version') return { ...field, default: first };
  return field;
}

/** Next free numbers (下一个空闲编号): per top-level type, and per procedure or standard level for child types. */
export function nextNumbers(set: DocumentSet): Record<string, string | Record<string, string>> {
  const org = set.organization.data;
  if (!org) return {};
  const used = new Set(set.documents.map((d) => d.data.number).filter((n): n is string => !!n));
  const sorted = [...used].sort();
  const result: Record<string, string | Record<string, string>> = {};
  const procedures = set.documents.filter((d) => d.type === 'procedure' && d.data.number && isCurrent(d)).map((d) => d.data.number!);
  // 外来文件 keep the issuer's own 文号: nothing to number.
  for (const type of ownDocumentTypes) {
    try {
      if (type === 'manual-section' || type === 'procedure') result[type] = nextTopNumber(org, type, used);
      else if (type === 'standard') result[type] = Object.fromEntries(standardLevels.map((level) => [level, nextChildNumber(org, 'standard', standardGroup(level), used)]));
      else {
        const next = (group: string) => nextChildNumber(org, type, group, startingWith(sorted, childStem(org, type, group)));
        result[type] = Object.fromEntries(procedures.map((p) => [p, next(procedurePart(org, p))]));
      }
    } catch {
      // A numbering rule the logic cannot extend: the author types the number, and check reports it.
    }
  }
  return result;
}

/**
 * The numbers of `sorted` that start with `stem`, found by binary search: the only ones
 * nextChildNumber counts from. Handing it these instead of the whole set keeps a set of thousands
 * of documents, each procedure asked for its next flow, record and regulation number, from scanning
 * every number for every procedure (0.2 s of 5,000).
 */
function startingWith(sorted: readonly string[], stem: string): Set<string> {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < stem) low = middle + 1;
    else high = middle;
  }
  const found = new Set<string>();
  for (let i = low; i < sorted.length && sorted[i]!.startsWith(stem); i++) found.add(sorted[i]!);
  return found;
}

/** What the preview needs to show [[编号]] as the site does: each number's page (site path), title and whether it is obsolete. */
export function previewReferences(set: DocumentSet): Record<string, { href: string; title: string; obsolete: boolean }> {
  const refs: Record<string, { href: string; title: string; obsolete: boolean }> = {};
  for (const d of set.documents) {
    if (d.type && d.data.number && d.data.title) refs[d.data.number] = { href: documentPath(d.type, d.data.number), title: d.data.title, obsolete: d.data.status === 'obsolete' };
  }
  return refs;
}

/** The whole configuration, as the object Decap's CMS.init({ config }) takes, plus our own `shoukong` part. */
export function cmsConfig(set: DocumentSet, { backend, siteUrl, localBackend }: { backend: CmsBackend; siteUrl?: string; localBackend: boolean }): Record<string, unknown> {
  const org = set.organization.data;
  const departments = (org?.departments ?? []).map((d) => ({ label: `${d.shortName}（${d.name}）`, value: d.shortName }));
  const numbers = set.documents
    .filter((d) => d.data.number)
    .map((d) => ({ label: `${d.data.number} ${d.data.title ?? ''}${d.data.status === 'obsolete' ? `（${statusLabels.obsolete}）` : ''}`, value: d.data.number! }))
    .sort((a, b) => a.value.localeCompare(b.value));
  const choices = { departments, numbers };
  const versionScheme = org?.versionScheme ?? { style: 'letter-number', separator: '/' };
  const next = nextNumbers(set);
  return {
    backend,
    ...(localBackend ? { local_backend: { url: '/api/v1/' } } : {}),
    publish_mode: 'editorial_workflow',
    locale: 'zh_Hans',
    load_config_file: false,
    media_folder: 'content/images',
    ...(siteUrl ? { site_url: siteUrl } : {}),
    collections: documentTypes.map((type) => ({
      name: type,
      label: typeLabels[type],
      label_singular: typeLabels[type],
      folder: `content/${folderOfType[type]}`,
      extension: 'mdx',
      format: 'shoukong-mdx',
      create: true,
      delete: false,
      slug: '{{slug}}',
      identifier_field: 'number',
      summary: '{{number}} {{title}}（{{version}}）',
      sortable_fields: ['number', 'title'],
      fields: cmsFields(type, choices).map((f) => withNewDocumentDefaults(f, next[type], firstVersion(versionScheme))),
    })),
    shoukong: { versionScheme, nextNumbers: next, references: previewReferences(set) },
  };
}
