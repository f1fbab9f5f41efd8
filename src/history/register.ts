/** 受控文件登记表: the register auditors of document control work from. */
import { evidenceFor, evidenceShort } from '../model/approval-evidence.ts';
import { layerLabels, layerOfType, typeLabels } from '../model/document-types.ts';
import type { DocumentGraph } from '../graph/build-graph.ts';
import { supersedersOf } from '../graph/lifecycle.ts';
import type { DocumentSet } from '../model/load.ts';
import { nextReviewDate } from '../model/review.ts';
import type { Organization } from '../model/schemas/organization.ts';
import { toCsv } from './csv.ts';
import type { CommitRef, RepositoryHistory } from './document-history.ts';
import { statusDecision, statusLabelOf, type ControlDecision } from './in-force-today.ts';
import { suspectReferences, versionDates } from './suspects.ts';
import { fieldLabel } from '../model/field-labels.ts';

export interface RegisterRow {
  number: string;
  title: string;
  type: string;
  layer: string;
  version: string;
  status: string;
  effectiveDate?: string;
  approvedBy?: string;
  /** 批准证据 of the current version (合并请求 !42 批准 2026-11-10（周志远）, or the meeting decision); effective versions only. */
  evidence?: string;
  owners: string;
  lastChange?: CommitRef;
  nextReview?: string;
  overdue: boolean;
  successor?: string;
  /** An approved revision not yet in force: 版本 and 已批准，待生效（日期 起）. */
  coming?: { version: string; label: string };
  /** Cited documents that changed since this one's current version: “待复核”. */
  /** Cited documents to review; `date` is how the new version is dated (修订、生效日期), else the commit's date. */
  toReview: { number: string; version: string; date: string }[];
  path: string;
}

/**
 * One row per document. Give it the set as in force today and its decisions (inForceTodayOf), so
 * that a revision not yet effective shows as coming, not as 现行; without them rows follow the files.
 */
export function buildRegister(
  set: DocumentSet,
  graph: DocumentGraph,
  organization: Organization,
  history: RepositoryHistory | undefined,
  today: string,
  decisionOf?: (doc: DocumentSet['documents'][number]) => ControlDecision,
): RegisterRow[] {
  const suspects = history?.available ? suspectReferences(graph, history) : [];
  const rows: RegisterRow[] = [];
  for (const doc of set.documents) {
    const { data, type } = doc;
    if (!data.number || !type) continue;
    const decision = (decisionOf ?? statusDecision)(doc);
    const inForce = decision.state === 'in-force';
    const due = inForce ? nextReviewDate(data, type, organization) : undefined;
    const successor = supersedersOf(graph, doc)[0]?.data.number;
    const lastChange = history?.byPath.get(doc.path)?.lastChange;
    rows.push({
      number: data.number,
      title: data.title ?? '',
      type: typeLabels[type],
      layer: layerLabels[layerOfType[type]],
      version: data.version ?? '',
      status: statusLabelOf(doc, decision),
      ...(data.effectiveDate ? { effectiveDate: data.effectiveDate } : {}),
      ...(data.approvedBy ? { approvedBy: data.approvedBy } : {}),
      ...(data.status === 'effective' && type !== 'external' ? { evidence: evidenceShort(evidenceFor(data.number, data.version, data.decision, set.approvals?.data?.records ?? [])) } : {}),
      owners: (data.owners ?? []).join('、'),
      ...(lastChange ? { lastChange } : {}),
      ...(due ? { nextReview: due } : {}),
      overdue: !!due && due < today,
      ...(successor ? { successor } : {}),
      ...(decision?.coming ? { coming: { version: decision.coming.version, label: decision.coming.label } } : {}),
      toReview: suspects.filter((s) => s.from === doc).map((s) => ({ number: s.to.data.number!, version: s.version, date: versionDates(s.to) || s.changedAt.date.slice(0, 10) })),
      path: doc.path,
    });
  }
  return rows.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
}

export function registerCsv(rows: readonly RegisterRow[]): string {
  return toCsv(
    [...['number', 'title', 'type'].map((f) => fieldLabel(f)), '层级', ...['version', 'status', 'effectiveDate', 'approvedBy'].map((f) => fieldLabel(f)), '批准证据', fieldLabel('owners'), '最近变更日期', '最近变更人', '最近变更提交', '下次评审', '评审逾期', '替代文件', '待复核引用', '待生效版本', '文件路径'],
    rows.map((r) => [
      r.number,
      r.title,
      r.type,
      r.layer,
      r.version,
      r.status,
      r.effectiveDate,
      r.approvedBy,
      r.evidence,
      r.owners,
      r.lastChange?.date.slice(0, 10),
      r.lastChange?.author,
      r.lastChange?.hash.slice(0, 10),
      r.nextReview,
      r.overdue ? '是' : '',
      r.successor,
      r.toReview.map((t) => `${t.number}@${t.version}`).join(' '),
      r.coming ? `${r.coming.version} ${r.coming.label}` : '',
      r.path,
    ]),
  );
}
