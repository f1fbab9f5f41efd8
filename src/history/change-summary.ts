/**
 * The pull-request summary for reviewers: added, changed (old → new version), obsolete, deleted, the
 * drafts the merge brings in, and the documents affected, each marked 已确认 or 待复核. Procedures come
 * first in every table: a reviewer reads the procedure, then what supports it.
 */
import { statusLabels, typeLabels, type DocumentType } from '../model/document-types.ts';
import type { DocumentGraph } from '../graph/build-graph.ts';
import { edgeKindLabels } from '../graph/build-graph.ts';
import { citationsOf } from '../graph/citations.ts';
import { supersedersOf } from '../graph/lifecycle.ts';
import type { ControlledDocument } from '../model/load.ts';
import type { ChangeSet } from './change-set.ts';
import { changedInPullRequest } from './suspects.ts';

/** The order documents are listed in: procedures first, then the manual, then what supports them. */
const typeOrder: readonly DocumentType[] = ['procedure', 'manual-section', 'regulation', 'standard', 'flow', 'record'];

function byTypeThenNumber(a: ControlledDocument, b: ControlledDocument): number {
  const rank = (d: ControlledDocument) => (d.type ? typeOrder.indexOf(d.type) : typeOrder.length);
  return rank(a) - rank(b) || (a.data.number ?? a.path).localeCompare(b.data.number ?? b.path, 'zh-CN', { numeric: true });
}

/** A table cell: no line breaks or pipes from the content. */
function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '｜').replace(/\s*\n\s*/g, ' ');
}

export function changeSummary(changes: ChangeSet, graph: DocumentGraph, counts: { errors: number; warnings: number }, packLink?: string): string {
  const changed = changes.pairs.filter((p) => p.contentChanged && p.doc.data.status !== 'obsolete').sort((a, b) => byTypeThenNumber(a.doc, b.doc));
  const obsoleted = changes.pairs.filter((p) => p.doc.data.status === 'obsolete' && p.base.fields.status !== 'obsolete').sort((a, b) => byTypeThenNumber(a.doc, b.doc));
  const added = [...changes.added].sort(byTypeThenNumber);
  const together = changedInPullRequest(changes);
  const out: string[] = [`## 受控文件变更摘要（相对 ${changes.baseRef}）`, ''];
  out.push(counts.errors ? `❌ 检查发现 ${counts.errors} 个错误、${counts.warnings} 个警告：合并前必须改正错误。` : `✅ 检查通过（${counts.warnings} 个警告）。`, '');
  // The approval pack (npm run pack) is built as a CI artefact; the summary points the approver to it.
  if (packLink) out.push(`📄 审批材料（封面、修订对照表，可打印送审）：[审批材料](${packLink.replace(/[()\s]/g, encodeURIComponent)})`, '');

  const section = (title: string, header: string, rows: string[], note?: string) => {
    out.push(`### ${title}（${rows.length}）`, '');
    if (note && rows.length) out.push(note, '');
    if (rows.length === 0) out.push('无', '');
    else out.push(header, `|${header.split('|').slice(1, -1).map(() => ' --- ').join('|')}|`, ...rows, '');
  };
  const approval = (d: ControlledDocument) => `${cell(d.data.approvedBy) || '—'} | ${d.data.effectiveDate ?? '—'}`;
  section(
    '新增',
    '| 编号 | 名称 | 类型 | 版本 | 状态 | 批准 | 生效日期 |',
    added.map((d) => `| ${d.data.number ?? ''} | ${cell(d.data.title)} | ${d.type ? typeLabels[d.type] : ''} | ${d.data.version ?? ''} | ${d.data.status ? statusLabels[d.data.status] : ''} | ${approval(d)} |`),
  );
  section(
    '修改',
    '| 编号 | 名称 | 版本 | 修订摘要 | 批准 | 生效日期 |',
    changed.map(({ doc, base }) => {
      const revision = doc.data.revisions?.find((r) => r.version === doc.data.version);
      const version = base.fields.version === doc.data.version ? `${doc.data.version ?? ''}（未升版）` : `${base.fields.version ?? '?'} → ${doc.data.version ?? '?'}`;
      return `| ${doc.data.number ?? ''} | ${cell(doc.data.title)} | ${version} | ${cell(revision?.summary)} | ${approval(doc)} |`;
    }),
  );
  section('作废', '| 编号 | 名称 | 替代文件 |', obsoleted.map(({ doc }) => `| ${doc.data.number ?? ''} | ${cell(doc.data.title)} | ${supersedersOf(graph, doc).map((d) => d.data.number).join('、') || '—'} |`));
  if (changes.deleted.length) section('被删除（不允许）', '| 编号 | 路径 |', changes.deleted.map((b) => `| ${b.fields.number ?? ''} | ${b.path} |`));

  const drafts = [...together].filter((d) => d.data.status === 'draft').sort(byTypeThenNumber);
  section(
    '草稿（随本次合并进入主分支，尚未生效）',
    '| 编号 | 名称 | 类型 | 版本 | 编制 |',
    drafts.map((d) => `| ${d.data.number ?? ''} | ${cell(d.data.title)} | ${d.type ? typeLabels[d.type] : ''} | ${d.data.version ?? ''} | ${cell(d.data.preparedBy) || '—'} |`),
    '草稿合并后出现在网站的草稿清单中，不作为现行文件发放；批准后改为 status: effective 并填写批准人和生效日期。',
  );

  // Who cites what changed: reviewed already (acknowledged, or changed in this pull request too) or still to review.
  const impact = new Map<ControlledDocument, { cites: Set<string>; open: boolean }>();
  for (const { doc } of [...changed, ...obsoleted]) {
    for (const edge of citationsOf(graph, doc)) {
      const entry = impact.get(edge.from) ?? { cites: new Set<string>(), open: false };
      entry.cites.add(`${doc.data.number}（${edgeKindLabels[edge.kind].outgoing}）`);
      const acknowledged = edge.from.data.acknowledges?.some((a) => a.number === doc.data.number && a.version === doc.data.version) ?? false;
      if (!acknowledged && !together.has(edge.from)) entry.open = true;
      impact.set(edge.from, entry);
    }
  }
  const affected = [...impact].sort(([a], [b]) => byTypeThenNumber(a, b));
  section(
    '受影响文件（引用了被修改或作废的文件）',
    '| 编号 | 名称 | 引用了 | 复核 |',
    affected.map(([doc, { cites, open }]) => `| ${doc.data.number ?? ''} | ${cell(doc.data.title)} | ${[...cites].join('、')} | ${open ? '待复核' : together.has(doc) ? '已确认（本次一并修改）' : '已确认（acknowledges）'} |`),
    '待复核：请引用文件的牵头部门复核，在其 acknowledges 中写明已复核的版本，或在本次合并请求中一并修改它。',
  );
  return `${out.join('\n').trimEnd()}\n`;
}
