/** The pull-request summary for reviewers: added, changed (old → new version), obsolete, deleted, and the impact list. */
import { statusLabels, typeLabels } from '../model/document-types.ts';
import type { DocumentGraph } from '../graph/build-graph.ts';
import { edgeKindLabels } from '../graph/build-graph.ts';
import type { ControlledDocument } from '../model/load.ts';
import type { ChangeSet } from './change-set.ts';

export function changeSummary(changes: ChangeSet, graph: DocumentGraph, counts: { errors: number; warnings: number }): string {
  const label = (doc: ControlledDocument) => `${doc.data.number ?? doc.path} ${doc.data.title ?? ''}`.trim();
  const changed = changes.pairs.filter((p) => p.contentChanged && p.doc.data.status !== 'obsolete');
  const obsoleted = changes.pairs.filter((p) => p.doc.data.status === 'obsolete' && p.base.fields.status !== 'obsolete');
  const out: string[] = [`## 受控文件变更摘要（相对 ${changes.baseRef}）`, ''];
  out.push(counts.errors ? `❌ 检查发现 ${counts.errors} 个错误、${counts.warnings} 个警告：合并前必须改正错误。` : `✅ 检查通过（${counts.warnings} 个警告）。`, '');

  const section = (title: string, header: string, rows: string[]) => {
    out.push(`### ${title}（${rows.length}）`, '');
    if (rows.length === 0) out.push('无', '');
    else out.push(header, `|${header.split('|').slice(1, -1).map(() => ' --- ').join('|')}|`, ...rows, '');
  };
  section('新增', '| 编号 | 名称 | 类型 | 版本 | 状态 |', changes.added.map((d) => `| ${d.data.number ?? ''} | ${d.data.title ?? ''} | ${d.type ? typeLabels[d.type] : ''} | ${d.data.version ?? ''} | ${d.data.status ? statusLabels[d.data.status] : ''} |`));
  section('修改', '| 编号 | 名称 | 版本 | 修订摘要 |', changed.map(({ doc, base }) => {
    const revision = doc.data.revisions?.find((r) => r.version === doc.data.version);
    const version = base.fields.version === doc.data.version ? `${doc.data.version ?? ''}（未升版）` : `${base.fields.version ?? '?'} → ${doc.data.version ?? '?'}`;
    return `| ${doc.data.number ?? ''} | ${doc.data.title ?? ''} | ${version} | ${revision?.summary.replace(/\|/g, '｜') ?? ''} |`;
  }));
  section('作废', '| 编号 | 名称 | 替代文件 |', obsoleted.map(({ doc }) => `| ${doc.data.number ?? ''} | ${doc.data.title ?? ''} | ${graph.incoming(doc, 'supersedes').map((e) => e.from.data.number).join('、') || '—'} |`));
  if (changes.deleted.length) section('被删除（不允许）', '| 编号 | 路径 |', changes.deleted.map((b) => `| ${b.fields.number ?? ''} | ${b.path} |`));

  const impact = new Map<ControlledDocument, Set<string>>();
  for (const { doc } of [...changed, ...obsoleted]) {
    for (const edge of graph.incoming(doc)) {
      if (edge.kind === 'supersedes' || edge.from === doc || edge.from.data.status === 'obsolete') continue;
      const set = impact.get(edge.from) ?? new Set<string>();
      set.add(`${doc.data.number}（${edgeKindLabels[edge.kind].outgoing}）`);
      impact.set(edge.from, set);
    }
  }
  section('受影响文件（引用了被修改或作废的文件，需复核）', '| 编号 | 名称 | 引用了 |', [...impact].map(([doc, cites]) => `| ${doc.data.number ?? ''} | ${label(doc).slice((doc.data.number ?? '').length).trim()} | ${[...cites].join('、')} |`));
  return `${out.join('\n').trimEnd()}\n`;
}
