/**
 * The published site's view of the document set: plain, serialisable data computed once from the
 * model and the graph, stored by the content loader and read by thin .astro pages. This module puts
 * the views together: documents (document.ts), departments (department.ts), relation matrices
 * (matrix.ts), coverage (coverage.ts), and the home page's counts and recent changes here.
 */
import { createHash } from 'node:crypto';
import { buildGraph, type DocumentGraph } from '../../graph/build-graph.ts';
import { isUncitedRegulation } from '../../graph/citations.ts';
import { isCurrent } from '../../graph/lifecycle.ts';
import { isUnusedRecord } from '../../graph/usage.ts';
import { statusDecision, type ControlDecision } from '../../history/in-force-today.ts';
import { layerLabels, typeLabels, type DocumentType, type Layer } from '../../model/document-types.ts';
import type { ControlledDocument, DocumentSet } from '../../model/load.ts';
import { compareNumbers } from '../../model/number-order.ts';
import { indexDepartments } from '../../model/organization.ts';
import type { Organization } from '../../model/schemas/organization.ts';
import { frameworkView, type FrameworkView } from './coverage.ts';
import { departmentViews, type DepartmentView, type ResponsibilityView } from './department.ts';
import { documentView, isCurrentRow, type DocView } from './document.ts';
import { docLink, linkOfView, resolveDepartments, type DocLink } from './links.ts';
import { gapsOf, relationMatrix, type MatrixCell } from './matrix.ts';

/** What the home page, the department pages and the matrices show of the whole set. */
export interface SiteView {
  institution: { name: string; shortName: string };
  counts: Record<Layer, number> & Record<DocumentType, number>;
  recentChanges: { doc: DocLink; version: string; date: string; summary: string }[];
  departments: DepartmentView[];
  responsibility: ResponsibilityView;
  procedureRegulation: MatrixCell[];
  procedureRecord: MatrixCell[];
  /** Gaps: regulations no current procedure lists as a supporting file, records no current procedure or flow uses (the rules regulation/uncited and record/unused). */
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

/**
 * Builds the site model from a loaded document set; give it the set as in force today and its
 * decisions (inForceTodayOf) so pages show what is in force on the build date. Documents without a
 * number, type or status are left out.
 */
export function buildSiteModel(set: DocumentSet, decisionOf: (doc: ControlledDocument) => ControlDecision = statusDecision): SiteModel {
  const org = set.organization.data;
  const graph = buildGraph(set);
  const departments = org ? indexDepartments(org) : undefined;
  const publishable = set.documents.filter((d) => d.type && d.data.number && d.data.title && d.data.status);
  const linkOf = new Map<ControlledDocument, DocLink>(publishable.map((d) => [d, docLink(d)]));
  const deptLinks = (refs: readonly string[] | undefined) => (refs ?? []).flatMap((r) => resolveDepartments(departments, r));

  const documents = publishable.map((doc) => documentView(doc, graph, linkOf, deptLinks, departments, org, set, decisionOf(doc)));
  const byNumber = new Map(documents.map((d) => [d.number, d]));
  const current = documents.filter(isCurrentRow);
  return { site: siteView(set, org, graph, documents, current, publishable, linkOf), documents, byNumber };
}

/**
 * A digest of everything buildSiteModel reads of a set and its decisions, so that a build can reuse
 * the model an earlier build of this process made from the same inputs (load-site.ts). Of each
 * document: its path and frontmatter text (its type and fields come from these alone), the targets
 * of its body references (the graph's mention edges) and its flowchart sources, and its decision.
 * Nothing else of a body reaches the model, which test/site/site-model-key.test.ts keeps true, so an
 * edit to a document's prose leaves the key as it was. Code is not in it: a process runs one code.
 */
export function siteModelKey(set: DocumentSet, decisionOf: (doc: ControlledDocument) => ControlDecision = statusDecision): string {
  const hash = createHash('sha1');
  // Each piece with its length before it, so that no two different inputs run together alike.
  const add = (text: string) => hash.update(`${text.length}:`).update(text);
  add(JSON.stringify([set.organization.data ?? null, set.frameworks.map((f) => f.data ?? null), set.approvals?.data ?? null]));
  for (const doc of set.documents) {
    const { path, yaml, body } = doc.file;
    add(path);
    add(yaml);
    add(JSON.stringify(decisionOf(doc)));
    hash.update(`${body.refs.length}:${body.mermaid.length}:`);
    for (const ref of body.refs) add(ref.target);
    for (const block of body.mermaid) add(block.code);
  }
  return hash.digest('hex');
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
    .flatMap((d) => (d.revisions[0] ? [{ doc: linkOfView(d), version: d.revisions[0].version, date: d.revisions[0].date, summary: d.revisions[0].summary }] : []))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : compareNumbers(a.doc.number, b.doc.number)))
    .slice(0, 10);

  const currentDocs = publishable.filter(isCurrent);
  const procedures = currentDocs.filter((d) => d.type === 'procedure').sort(byNumber);
  return {
    institution: { name: org?.institution.name ?? '受控文件体系', shortName: org?.institution.shortName ?? org?.institution.name ?? '受控' },
    counts,
    recentChanges,
    ...departmentViews(org, currentDocs, procedures, linkOf),
    procedureRegulation: relationMatrix(graph, procedures, 'regulation', linkOf),
    procedureRecord: relationMatrix(graph, procedures, 'record', linkOf),
    uncitedRegulations: gapsOf(graph, publishable, isUncitedRegulation, linkOf),
    unusedRecords: gapsOf(graph, publishable, isUnusedRecord, linkOf),
    frameworks: set.frameworks.flatMap((f) => (f.data ? [frameworkView(f.data, publishable, linkOf)] : [])),
  };
}

function byNumber(a: ControlledDocument, b: ControlledDocument): number {
  return compareNumbers(a.data.number!, b.data.number!);
}
