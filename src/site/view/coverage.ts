/** The coverage matrices (要求覆盖矩阵): which current documents answer each clause of a framework. */
import { coverageOf } from '../../model/coverage.ts';
import type { ControlledDocument, DocumentSet } from '../../model/load.ts';
import { sortLinks, type DocLink } from './links.ts';

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

/** One framework's coverage rows, and its grid when the clauses form one. */
export function frameworkView(framework: NonNullable<DocumentSet['frameworks'][number]['data']>, docs: ControlledDocument[], linkOf: Map<ControlledDocument, DocLink>): FrameworkView {
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
