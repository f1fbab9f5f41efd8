/**
 * What one document's page and its row in the lists show (文件页、受控文件清单), computed from the
 * model and the graph.
 */
import { evidenceFor, evidenceText } from '../../model/approval-evidence.ts';
import { edgeKindLabels, type DocumentGraph, type EdgeKind } from '../../graph/build-graph.ts';
import { supersedersOf } from '../../graph/lifecycle.ts';
import { allDepartments } from '../../history/document-header.ts';
import { statusLabelOf, type ControlDecision, type ControlState } from '../../history/in-force-today.ts';
import { flowOverviewLabel } from '../../model/field-labels.ts';
import { headerView, type HeaderView } from './header-view.ts';
import { layerLabels, layerOfType, typeLabels, type Layer } from '../../model/document-types.ts';
import type { ControlledDocument, DocumentSet } from '../../model/load.ts';
import type { DepartmentIndex } from '../../model/organization.ts';
import { nextReviewDate } from '../../model/review.ts';
import type { FormField } from '../../model/schemas/record.ts';
import { formLayout, type FormLayout } from '../../model/form-layout.ts';
import type { Organization } from '../../model/schemas/organization.ts';
import { manualPartLabels } from '../../model/schemas/manual-section.ts';
import { standardLevelLabels } from '../../model/schemas/standard.ts';
import { documentPath, docxPath, pdfPath, slugOf } from '../../render/urls.ts';
import { deptLink, richText, uniqueLinks, type DeptLink, type DocLink, type RichText } from './links.ts';

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

/**
 * 现行或草稿 on the build date, as the lists, the search, the counts and the record schemas take it:
 * not obsolete by the in-force decision (so not a 外来文件 past its 废止日期 either).
 */
export function isCurrentRow(row: Pick<ListRow, 'controlState'>): boolean {
  return row.controlState !== 'obsolete';
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
  /** 文件头: the same rows as the PDF's title block and the Word copy (document-header.ts). */
  header: HeaderView;
  /** 批准证据 line for an effective version (批准：周志远 · 合并请求 !42 批准 2026-11-10); empty otherwise. */
  approvalEvidence: string;
  supersededBy: DocLink[];
  relations: RelationGroup[];
  revisions: { version: string; date: string; summary: string; author: string }[];
  clauses: { framework: string; id: string; title: string; href: string }[];
  /** 业务概述表 of a flow, in the order of the seed's table. */
  flow?: FlowRow[];
  record?: { retention: string; fields: FormField[]; layout: FormLayout };
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

/** Everything one document's page shows; `decision` is what it is on the build date. */
export function documentView(
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
        ? { all: true, departments: [], names: [allDepartments] }
        : { all: false, departments: deptLinks(cooperating), names: cooperating ?? [] },
    header: headerView(doc, decision, departments, resolved),
    approvalEvidence: data.status === 'effective' ? evidenceText(evidenceFor(data.number, data.version, data.decision, set.approvals?.data?.records ?? []), data.approvedBy) : '',
    supersededBy: uniqueLinks(supersedersOf(graph, doc).flatMap((d) => linkOf.get(d) ?? [])),
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
      { label: flowOverviewLabel('title'), kind: 'text', text: link.title },
      { label: flowOverviewLabel('number'), kind: 'text', text: link.number },
      { label: flowOverviewLabel('owners'), kind: 'departments', departments: view.owners },
      { label: flowOverviewLabel('post'), kind: 'text', text: data.post ?? '' },
      view.cooperating.all
        ? { label: flowOverviewLabel('cooperating'), kind: 'text', text: allDepartments }
        : { label: flowOverviewLabel('cooperating'), kind: 'departments', departments: view.cooperating.departments },
      { label: flowOverviewLabel('function'), kind: 'text', text: data.function ?? '' },
      { label: flowOverviewLabel('scope'), kind: 'text', text: data.scope ?? '' },
      { label: flowOverviewLabel('regulations'), kind: 'links', docs: links(data.regulations) },
      { label: flowOverviewLabel('inputs'), kind: 'list', items: (data.inputs ?? []).map((t) => richText(t, resolved)) },
      { label: flowOverviewLabel('outputs'), kind: 'list', items: (data.outputs ?? []).map((t) => richText(t, resolved)) },
      { label: flowOverviewLabel('assessmentPoints'), kind: 'list', items: (data.assessmentPoints ?? []).map((t) => [t]) },
      { label: flowOverviewLabel('interfaces'), kind: 'links', docs: links(data.interfaces) },
    ];
  }
  if (type === 'record') {
    // 所属程序 and 保管部门 are in the header, as on the PDF.
    view.record = {
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
    statusLabel: statusLabelOf(doc, decision),
    controlState: decision.state,
    owners: deptLinks(data.owners),
    effectiveDate: data.effectiveDate ?? '',
    nextReview: org && decision.state === 'in-force' ? (nextReviewDate(data, type, org) ?? '') : '',
    level,
  };
}

/** Order of the groups in the relations panel: what this document uses first, then who uses it. */
const relationOrder: EdgeKind[] = ['parent', 'regulation', 'criterion', 'record', 'input', 'output', 'flow', 'standard', 'interface', 'implementation', 'external', 'supersedes', 'mention'];

function relationsOf(doc: ControlledDocument, graph: DocumentGraph, linkOf: Map<ControlledDocument, DocLink>): RelationGroup[] {
  const groups: RelationGroup[] = [];
  for (const direction of ['outgoing', 'incoming'] as const) {
    for (const kind of relationOrder) {
      const edges = direction === 'outgoing' ? graph.outgoing(doc, kind) : graph.incoming(doc, kind);
      const docs = uniqueLinks(edges.flatMap((e) => {
        const other = direction === 'outgoing' ? e.to : e.from;
        return other && other !== doc ? (linkOf.get(other) ?? []) : [];
      }));
      if (docs.length > 0) groups.push({ kind, direction, label: edgeKindLabels[kind][direction], docs });
    }
  }
  return groups;
}

function clausesOf(refs: readonly string[], set: DocumentSet): DocView['clauses'] {
  return refs.flatMap((ref) => {
    const [fw, id] = ref.split(':') as [string, string];
    const framework = set.frameworks.find((f) => f.data?.id === fw)?.data;
    const clause = framework?.clauses.find((c) => c.id === id);
    return framework && clause ? [{ framework: framework.name, id, title: clause.title, href: `/matrices/coverage/${framework.id}/#c-${slugOf(id)}` }] : [];
  });
}
