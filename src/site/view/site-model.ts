/**
 * The published site's view of the document set: plain, serialisable data computed once from the
 * model and the graph, stored by the content loader and read by thin .astro pages.
 */
import { evidenceFor, evidenceText } from '../../model/approval-evidence.ts';
import { buildGraph, edgeKindLabels, type DocumentGraph, type EdgeKind } from '../../graph/build-graph.ts';
import type { ControlDecision, ControlState } from '../../history/in-force-today.ts';
import { coverageOf } from '../../model/coverage.ts';
import { externalStatusLabels, layerLabels, layerOfType, statusLabels, typeLabels, type DocumentType, type Layer, type Status } from '../../model/document-types.ts';
import type { ControlledDocument, DocumentSet } from '../../model/load.ts';
import { departmentShown, indexDepartments, type DepartmentIndex } from '../../model/organization.ts';
import { nextReviewDate } from '../../model/review.ts';
import type { FormField } from '../../model/schemas/record.ts';
import { formLayout, type FormLayout } from '../../model/form-layout.ts';
import type { Department, Organization } from '../../model/schemas/organization.ts';
import { manualPartLabels } from '../../model/schemas/manual-section.ts';
import { standardLevelLabels } from '../../model/schemas/standard.ts';
import { inlineRefPattern } from '../../model/body.ts';
import { compareNumbers } from '../../model/number-order.ts';
import { documentPath, docxPath, pdfPath, slugOf } from '../../render/urls.ts';

/** A link to a document with what a reader needs to choose it. */
export interface DocLink {
  number: string;
  title: string;
  href: string;
  type: DocumentType;
  status: Status;
}

/** A link to a department page. */
export interface DeptLink {
  id: string;
  name: string;
  shortName: string;
  href: string;
}

/** Text with document links in it, e.g. "[[JMI/JL/13-01]] 申请表" → [link, " 申请表"]. */
/** Text with references: a reference is shown as 编号《标题》, or as its label when written [[编号|显示文字]], as in the body. */
export type RichText = (string | (DocLink & { label?: string }))[];

/** One group of the relations panel (关联文件), e.g. 支持性文件 → [...]. */
export interface RelationGroup {
  kind: EdgeKind;
  direction: 'outgoing' | 'incoming';
  label: string;
  docs: DocLink[];
}

/** One row of the 受控文件清单. */
export interface ListRow extends DocLink {
  id: string;
  version: string;
  typeLabel: string;
  /** 现行 / 已批准，待生效（…起） / 草稿 / 作废: what the document is on the build date. */
  statusLabel: string;
  /** The same as a state, for the badge and the list filter. */
  controlState: ControlState;
  owners: DeptLink[];
  effectiveDate: string;
  nextReview: string;
  /** 层面 of a standard, or 所属部分 of a manual section. */
  level: string;
}

/** Everything a document page shows. */
export interface DocView extends ListRow {
  layer: Layer;
  layerLabel: string;
  example: boolean;
  pdfHref: string;
  /** Whether this page shows the controlled copy (a version in force today). */
  controlled: boolean;
  /** An approved revision that takes effect later; the page shows the version in force until then. */
  coming?: { version: string; effectiveDate: string; label: string };
  /** The Word copy (现行 documents only, built with the PDFs). */
  docxHref: string;
  cooperating: { all: boolean; departments: DeptLink[]; names: string[] };
  preparedBy: string;
  reviewedBy: string;
  approvedBy: string;
  /** 批准证据 line for an effective version (批准：周志远 · 合并请求 !42 批准 2026-11-10); empty otherwise. */
  approvalEvidence: string;
  issuedAs: string;
  supersededBy: DocLink[];
  relations: RelationGroup[];
  revisions: { version: string; date: string; summary: string; author: string }[];
  clauses: { framework: string; id: string; title: string; href: string }[];
  /** 业务概述表 of a flow, in the order of the seed's table. */
  flow?: FlowRow[];
  record?: { procedure?: DocLink; keeper?: DeptLink | string; retention: string; fields: FormField[]; layout: FormLayout };
  /** Mermaid sources in the body (rendered by the loader). */
  mermaid: string[];
  /** 外来文件的登记事项：发文机关、发布/实施/废止日期、使用部门。 */
  external?: ExternalView;
}

/** What the 外来文件清单 and an external document's page show besides number and title. */
export interface ExternalView {
  issuer: string;
  issuedDate: string;
  effectiveDate: string;
  withdrawnDate: string;
  replacedBy: string;
  departments: DeptLink[];
  /** Departments as written, for groups that have no page. */
  departmentNames: string[];
  registeredDate: string;
}

/** One row of a flow's overview table. */
export type FlowRow =
  | { label: string; kind: 'text'; text: string }
  | { label: string; kind: 'links'; docs: DocLink[] }
  | { label: string; kind: 'departments'; departments: DeptLink[] }
  | { label: string; kind: 'list'; items: RichText[] };

/** A department page: what it leads and where it cooperates (职责分配). */
export interface DepartmentView extends DeptLink {
  kindLabel: string;
  leads: DocLink[];
  cooperates: DocLink[];
  /** Documents every department cooperates on (协作部门：所有受控部门). */
  cooperatesAll: number;
}

export interface MatrixCell {
  row: DocLink;
  links: DocLink[];
}

export interface CoverageRow {
  id: string;
  title: string;
  depth: number;
  leaf: boolean;
  covered: boolean;
  docs: DocLink[];
}

export interface FrameworkView {
  id: string;
  name: string;
  description: string;
  rows: CoverageRow[];
  coveredLeaves: number;
  leaves: number;
  /** For two-level frameworks whose leaves are level.system (诊改五纵五横): the grid. */
  grid?: { rows: { id: string; title: string }[]; columns: { id: string; title: string }[]; cells: Record<string, CoverageRow | undefined> };
}

export interface SiteView {
  institution: { name: string; shortName: string };
  counts: Record<Layer, number> & Record<DocumentType, number>;
  recentChanges: { doc: DocLink; version: string; date: string; summary: string }[];
  departments: DepartmentView[];
  /** Procedures × departments: ● leads, ○ cooperates. */
  responsibility: { rows: { doc: DocLink; cells: ('lead' | 'cooperate' | '')[] }[] };
  procedureRegulation: MatrixCell[];
  procedureRecord: MatrixCell[];
  /** Regulations and records no current procedure cites (gaps). */
  uncitedRegulations: DocLink[];
  unusedRecords: DocLink[];
  frameworks: FrameworkView[];
}

/** The model behind the whole site. */
export interface SiteModel {
  site: SiteView;
  documents: DocView[];
  /** Document by number, for body references. */
  byNumber: ReadonlyMap<string, DocView>;
}

const emptyDept = (name: string): DeptLink => ({ id: '', name, shortName: name, href: '' });

/** Every document's state when nothing says otherwise: its status field, as the files say. */
const fromStatus = (doc: ControlledDocument): ControlDecision => {
  const status = doc.data.status;
  const state: ControlState = status === 'effective' ? 'in-force' : status === 'obsolete' ? 'obsolete' : 'draft';
  return { state, label: status ? statusLabels[status] : '', controlled: state === 'in-force' };
};

/**
 * Builds the site model from a loaded document set; give it the set as in force today and its
 * decisions (inForceTodayOf) so pages show what is in force on the build date. Documents without a
 * number, type or status are left out.
 */
export function buildSiteModel(set: DocumentSet, decisionOf: (doc: ControlledDocument) => ControlDecision = fromStatus): SiteModel {
  const org = set.organization.data;
  const graph = buildGraph(set);
  const departments = org ? indexDepartments(org) : undefined;
  const publishable = set.documents.filter((d) => d.type && d.data.number && d.data.title && d.data.status);
  const linkOf = new Map<ControlledDocument, DocLink>(publishable.map((d) => [d, docLink(d)]));
  const deptLinks = (refs: readonly string[] | undefined) => (refs ?? []).flatMap((r) => resolveDepartments(departments, r));

  const documents = publishable.map((doc) => documentView(doc, graph, linkOf, deptLinks, departments, org, set, decisionOf(doc)));
  const byNumber = new Map(documents.map((d) => [d.number, d]));
  const current = documents.filter((d) => d.status !== 'obsolete');
  return { site: siteView(set, org, graph, documents, current, publishable, linkOf), documents, byNumber };
}

function docLink(doc: ControlledDocument): DocLink {
  const number = doc.data.number!;
  return { number, title: doc.data.title!, href: documentPath(doc.type!, number), type: doc.type!, status: doc.data.status! };
}

function deptLink(d: Department): DeptLink {
  return { id: d.id, name: d.name, shortName: d.shortName, href: `/departments/${d.id}/` };
}

function resolveDepartments(index: DepartmentIndex | undefined, ref: string): DeptLink[] {
  const found = index?.resolve(ref);
  if (!found) return [emptyDept(ref)];
  return found.kind === 'department' ? [deptLink(found.department)] : found.members.map(deptLink);
}

function documentView(
  doc: ControlledDocument,
  graph: DocumentGraph,
  linkOf: Map<ControlledDocument, DocLink>,
  deptLinks: (refs: readonly string[] | undefined) => DeptLink[],
  departments: DepartmentIndex | undefined,
  org: Organization | undefined,
  set: DocumentSet,
  decision: ControlDecision,
): DocView {
  const data = doc.data;
  const link = linkOf.get(doc)!;
  const type = doc.type!;
  const resolved = (number: string): DocLink | undefined => {
    const target = graph.byNumber.get(number);
    return target ? linkOf.get(target) : undefined;
  };
  const links = (numbers: readonly string[] | undefined) => (numbers ?? []).flatMap((n) => resolved(n) ?? []);
  const cooperating = data.cooperating;
  const view: DocView = {
    ...listRow(doc, link, deptLinks, org, decision),
    layer: layerOfType[type],
    layerLabel: layerLabels[layerOfType[type]],
    example: data.example === true,
    pdfHref: pdfPath(link.number),
    controlled: decision.controlled,
    ...(decision.coming ? { coming: decision.coming } : {}),
    docxHref: docxPath(link.number),
    cooperating:
      cooperating === 'all'
        ? { all: true, departments: [], names: ['所有受控部门'] }
        : { all: false, departments: deptLinks(cooperating), names: cooperating ?? [] },
    preparedBy: data.preparedBy ?? '',
    reviewedBy: data.reviewedBy ?? '',
    approvedBy: data.approvedBy ?? '',
    approvalEvidence: data.status === 'effective' ? evidenceText(evidenceFor(data.number, data.version, data.decision, set.approvals?.data?.records ?? []), data.approvedBy) : '',
    issuedAs: data.issuedAs ?? '',
    supersededBy: unique(graph.incoming(doc, 'supersedes').flatMap((e) => linkOf.get(e.from) ?? [])),
    relations: relationsOf(doc, graph, linkOf),
    revisions: [...(data.revisions ?? [])].reverse(),
    clauses: clausesOf(data.clauses ?? [], set),
    mermaid: doc.file.body.mermaid.map((m) => m.code),
  };
  if (type === 'external') {
    view.external = {
      issuer: data.issuer ?? '',
      issuedDate: data.issuedDate ?? '',
      effectiveDate: data.effectiveDate ?? '',
      withdrawnDate: data.withdrawnDate ?? '',
      replacedBy: data.replacedBy ?? '',
      departments: deptLinks(data.departments),
      departmentNames: data.departments ?? [],
      registeredDate: data.registeredDate ?? '',
    };
  }
  if (type === 'flow') {
    view.flow = [
      { label: '流程名称', kind: 'text', text: link.title },
      { label: '流程编号', kind: 'text', text: link.number },
      { label: '业务主管部门', kind: 'departments', departments: view.owners },
      { label: '所属岗位', kind: 'text', text: data.post ?? '' },
      view.cooperating.all
        ? { label: '协作部门', kind: 'text', text: '所有受控部门' }
        : { label: '协作部门', kind: 'departments', departments: view.cooperating.departments },
      { label: '业务功能', kind: 'text', text: data.function ?? '' },
      { label: '适用范围', kind: 'text', text: data.scope ?? '' },
      { label: '工作准则', kind: 'links', docs: links(data.regulations) },
      { label: '输入资源', kind: 'list', items: (data.inputs ?? []).map((t) => richText(t, resolved)) },
      { label: '输出资源', kind: 'list', items: (data.outputs ?? []).map((t) => richText(t, resolved)) },
      { label: '考核点', kind: 'list', items: (data.assessmentPoints ?? []).map((t) => [t]) },
      { label: '流程接口', kind: 'links', docs: links(data.interfaces) },
    ];
  }
  if (type === 'record') {
    // A group (教学单位) keeps the forms in each member: shown by its name, as the PDF prints it.
    const shown = data.keeper ? departmentShown(departments, data.keeper) : undefined;
    const keeper = shown ? (shown.department ? deptLink(shown.department) : shown.name) : undefined;
    view.record = {
      ...(data.procedure && resolved(data.procedure) ? { procedure: resolved(data.procedure)! } : {}),
      ...(keeper ? { keeper } : {}),
      retention: data.retention ?? '',
      fields: data.fields ?? [],
      layout: formLayout({ fields: data.fields ?? [], orientation: data.orientation }),
    };
  }
  return view;
}

function listRow(doc: ControlledDocument, link: DocLink, deptLinks: (refs: readonly string[] | undefined) => DeptLink[], org: Organization | undefined, decision: ControlDecision): ListRow {
  const data = doc.data;
  const type = doc.type!;
  const level = data.level ? standardLevelLabels[data.level] : data.part ? manualPartLabels[data.part] : '';
  return {
    ...link,
    id: `${documentPath(type, link.number).slice(1, -1)}`,
    version: data.version ?? '',
    typeLabel: typeLabels[type],
    // 外来文件 are not approved here: they are 现行有效 or 已废止, never 受控 versions.
    statusLabel: type === 'external' && data.status ? externalStatusLabels[data.status] : decision.label,
    controlState: decision.state,
    owners: deptLinks(data.owners),
    effectiveDate: data.effectiveDate ?? '',
    nextReview: org && decision.state === 'in-force' ? (nextReviewDate(data, type, org) ?? '') : '',
    level,
  };
}

/** Splits text with [[编号]] references into text and links. */
export function richText(text: string, resolve: (number: string) => DocLink | undefined): RichText {
  const parts: RichText = [];
  let last = 0;
  for (const match of text.matchAll(inlineRefPattern)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const target = resolve(match[1]!.trim());
    const label = match[2]?.trim();
    parts.push(target ? { ...target, ...(label ? { label } : {}) } : match[0]);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** Order of the groups in the relations panel: what this document uses first, then who uses it. */
const relationOrder: EdgeKind[] = ['parent', 'regulation', 'criterion', 'record', 'input', 'output', 'flow', 'standard', 'interface', 'implementation', 'external', 'supersedes', 'mention'];

function relationsOf(doc: ControlledDocument, graph: DocumentGraph, linkOf: Map<ControlledDocument, DocLink>): RelationGroup[] {
  const groups: RelationGroup[] = [];
  for (const direction of ['outgoing', 'incoming'] as const) {
    for (const kind of relationOrder) {
      const edges = direction === 'outgoing' ? graph.outgoing(doc, kind) : graph.incoming(doc, kind);
      const docs = unique(edges.flatMap((e) => {
        const other = direction === 'outgoing' ? e.to : e.from;
        return other && other !== doc ? (linkOf.get(other) ?? []) : [];
      }));
      if (docs.length > 0) groups.push({ kind, direction, label: edgeKindLabels[kind][direction], docs });
    }
  }
  return groups;
}

function unique(links: DocLink[]): DocLink[] {
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(l.number) && seen.add(l.number));
}

function clausesOf(refs: readonly string[], set: DocumentSet): DocView['clauses'] {
  return refs.flatMap((ref) => {
    const [fw, id] = ref.split(':') as [string, string];
    const framework = set.frameworks.find((f) => f.data?.id === fw)?.data;
    const clause = framework?.clauses.find((c) => c.id === id);
    return framework && clause ? [{ framework: framework.name, id, title: clause.title, href: `/matrices/coverage/${framework.id}/#c-${slugOf(id)}` }] : [];
  });
}

function siteView(
  set: DocumentSet,
  org: Organization | undefined,
  graph: DocumentGraph,
  documents: DocView[],
  current: DocView[],
  publishable: ControlledDocument[],
  linkOf: Map<ControlledDocument, DocLink>,
): SiteView {
  const counts = Object.fromEntries([...Object.keys(layerLabels), ...Object.keys(typeLabels)].map((k) => [k, 0])) as SiteView['counts'];
  for (const d of current) {
    counts[d.layer]++;
    counts[d.type]++;
  }
  const recentChanges = documents
    .flatMap((d) => (d.revisions[0] ? [{ doc: strip(d), version: d.revisions[0].version, date: d.revisions[0].date, summary: d.revisions[0].summary }] : []))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : compareNumbers(a.doc.number, b.doc.number)))
    .slice(0, 10);

  const currentDocs = publishable.filter((d) => d.data.status !== 'obsolete');
  const index = org ? indexDepartments(org) : undefined;
  const allDepartments = org?.departments ?? [];
  const leadsOf = new Map<string, DocLink[]>();
  const coopOf = new Map<string, DocLink[]>();
  let cooperatesAll = 0;
  const roles = new Map<ControlledDocument, Map<string, 'lead' | 'cooperate'>>();
  for (const doc of currentDocs) {
    const link = linkOf.get(doc)!;
    const role = new Map<string, 'lead' | 'cooperate'>();
    const coop = doc.data.cooperating;
    const coopIds = coop === 'all' ? allDepartments.map((d) => d.id) : (coop ?? []).flatMap((r) => resolveDepartments(index, r).map((d) => d.id));
    if (coop === 'all') cooperatesAll++;
    for (const id of coopIds) role.set(id, 'cooperate');
    for (const r of doc.data.owners ?? []) for (const d of resolveDepartments(index, r)) role.set(d.id, 'lead');
    for (const [id, kind] of role) {
      if (!id) continue;
      if (kind === 'lead') push(leadsOf, id, link);
      else if (coop !== 'all') push(coopOf, id, link);
    }
    roles.set(doc, role);
  }
  const departments: DepartmentView[] = allDepartments.map((d) => ({
    ...deptLink(d),
    kindLabel: { party: '党群部门', administrative: '行政职能部门', teaching: '教学单位', support: '教辅与直属单位' }[d.kind],
    leads: sortLinks(leadsOf.get(d.id) ?? []),
    cooperates: sortLinks(coopOf.get(d.id) ?? []),
    cooperatesAll,
  }));
  const procedures = currentDocs.filter((d) => d.type === 'procedure').sort(byNumber);
  const responsibility = {
    rows: procedures.map((doc) => ({ doc: linkOf.get(doc)!, cells: allDepartments.map((d) => roles.get(doc)?.get(d.id) ?? '') })),
  };
  const related = (kind: EdgeKind) => procedures.map((doc) => ({ row: linkOf.get(doc)!, links: unique(graph.outgoing(doc, kind).flatMap((e) => (e.to ? (linkOf.get(e.to) ?? []) : []))) }));
  const citedBy = (type: DocumentType, kind: EdgeKind) =>
    sortLinks(currentDocs.filter((d) => d.type === type && !graph.incoming(d).some((e) => e.from.data.status !== 'obsolete' && (e.kind === kind || (kind === 'regulation' && e.kind === 'criterion')))).map((d) => linkOf.get(d)!));
  return {
    institution: { name: org?.institution.name ?? '受控文件体系', shortName: org?.institution.shortName ?? org?.institution.name ?? '受控' },
    counts,
    recentChanges,
    departments,
    responsibility,
    procedureRegulation: related('regulation'),
    procedureRecord: related('record'),
    uncitedRegulations: citedBy('regulation', 'regulation'),
    unusedRecords: citedBy('record', 'record'),
    frameworks: set.frameworks.flatMap((f) => (f.data ? [frameworkView(f.data, publishable, linkOf)] : [])),
  };
}

function frameworkView(framework: NonNullable<DocumentSet['frameworks'][number]['data']>, docs: ControlledDocument[], linkOf: Map<ControlledDocument, DocLink>): FrameworkView {
  const coverage = coverageOf(framework, docs);
  const rows: CoverageRow[] = [...coverage.values()].map((e) => ({
    id: e.id,
    title: e.title,
    depth: e.id.split('.').length - 1,
    leaf: e.leaf,
    covered: e.covered,
    docs: sortLinks(e.documents.map((d) => linkOf.get(d)!).filter(Boolean)),
  }));
  const leaves = rows.filter((r) => r.leaf);
  const view: FrameworkView = {
    id: framework.id,
    name: framework.name,
    description: framework.description ?? '',
    rows,
    coveredLeaves: leaves.filter((r) => r.covered).length,
    leaves: leaves.length,
  };
  // A grid when every clause is either a top-level row or row.column with the same columns everywhere.
  const tops = rows.filter((r) => r.depth === 0);
  const columnsOf = (top: string) => rows.filter((r) => r.id.startsWith(`${top}.`) && r.depth === 1).map((r) => ({ id: r.id.slice(top.length + 1), title: r.title }));
  const first = tops[0] ? columnsOf(tops[0].id) : [];
  const sameColumns = tops.every((t) => JSON.stringify(columnsOf(t.id)) === JSON.stringify(first));
  if (first.length > 0 && sameColumns && rows.every((r) => r.depth <= 1)) {
    const cells: Record<string, CoverageRow | undefined> = {};
    for (const r of rows) cells[r.id] = r;
    view.grid = { rows: tops.map((t) => ({ id: t.id, title: t.title })), columns: first, cells };
  }
  return view;
}

function strip(d: DocView): DocLink {
  return { number: d.number, title: d.title, href: d.href, type: d.type, status: d.status };
}

function byNumber(a: ControlledDocument, b: ControlledDocument): number {
  return compareNumbers(a.data.number!, b.data.number!);
}

function sortLinks(links: DocLink[]): DocLink[] {
  return [...links].sort((a, b) => compareNumbers(a.number, b.number));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
