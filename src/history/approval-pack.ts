/** 审批材料：what a pull request changes, document by document, for the body that approves it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentGraph } from '../graph/build-graph.ts';
import { citationsOf } from '../graph/citations.ts';
import { splitFrontmatter } from '../model/frontmatter.ts';
import type { ControlledDocument } from '../model/load.ts';
import type { ChangeSet } from './change-set.ts';
import { compareTexts, type ComparisonRow } from './revision-comparison.ts';

/** 变更类型 on the cover: 新增 / 修订 / 作废 / 改编号 / 删除. */
export type PackChange = 'new' | 'changed' | 'obsolete' | 'renumbered' | 'deleted';
export const packChangeLabels: Record<PackChange, string> = { new: '新增', changed: '修订', obsolete: '作废', renumbered: '改编号', deleted: '删除' };

export interface PackDocument {
  number: string;
  title: string;
  change: PackChange;
  /** The number before, for a renumbered document. */
  oldNumber?: string;
  fromVersion?: string;
  toVersion?: string;
  /** 修订摘要 of the new version's revision record. */
  summary: string;
  /** Documents that cite this one (影响范围): 《标题》(编号). */
  citedBy: string[];
  rows: ComparisonRow[];
}

export interface ApprovalPack {
  baseRef: string;
  documents: PackDocument[];
}

/** Builds the pack from a change set; `root` is where the working tree's files are read. */
export function buildApprovalPack(root: string, changes: ChangeSet, graph: DocumentGraph): ApprovalPack {
  const bodyOf = (doc: ControlledDocument) => splitFrontmatter(readFileSync(join(root, doc.path), 'utf8'))?.body ?? '';
  const citedBy = (doc: ControlledDocument) => [...new Set(citationsOf(graph, doc).map((e) => `《${e.from.data.title ?? ''}》(${e.from.data.number ?? e.from.path})`))].sort();
  const summaryOf = (doc: ControlledDocument) => doc.data.revisions?.find((r) => r.version === doc.data.version)?.summary ?? '';
  const documents: PackDocument[] = [];
  for (const doc of changes.added) {
    if (!doc.data.number) continue;
    documents.push({
      number: doc.data.number,
      title: doc.data.title ?? '',
      change: 'new',
      ...(doc.data.version ? { toVersion: doc.data.version } : {}),
      summary: summaryOf(doc),
      citedBy: citedBy(doc),
      rows: compareTexts('', bodyOf(doc)),
    });
  }
  for (const { doc, base, contentChanged } of changes.pairs) {
    if (!contentChanged || !doc.data.number) continue;
    const becameObsolete = doc.data.status === 'obsolete' && base.fields.status !== 'obsolete';
    const renumbered = base.fields.number !== undefined && base.fields.number !== doc.data.number;
    const change: PackChange = becameObsolete ? 'obsolete' : renumbered ? 'renumbered' : 'changed';
    documents.push({
      number: doc.data.number,
      title: doc.data.title ?? '',
      change,
      ...(renumbered ? { oldNumber: base.fields.number } : {}),
      ...(base.fields.version ? { fromVersion: base.fields.version } : {}),
      ...(doc.data.version ? { toVersion: doc.data.version } : {}),
      summary: becameObsolete ? '作废' : summaryOf(doc),
      citedBy: citedBy(doc),
      rows: becameObsolete ? [] : compareTexts(base.body, bodyOf(doc)),
    });
  }
  for (const base of changes.deleted) {
    documents.push({
      number: base.fields.number ?? base.path,
      title: base.fields.title ?? '',
      change: 'deleted',
      ...(base.fields.version ? { fromVersion: base.fields.version } : {}),
      summary: '文件被删除（受控文件应作废而不删除，变更控制检查会拒绝）',
      citedBy: [],
      rows: [],
    });
  }
  documents.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  return { baseRef: changes.baseRef, documents };
}
