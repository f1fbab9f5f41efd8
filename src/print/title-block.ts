/** 文件头：the title block at the top of a printed document, and its revision records table. */
import { typeLabels } from '../model/document-types.ts';
import { manualPartLabels } from '../model/schemas/manual-section.ts';
import { standardLevelLabels } from '../model/schemas/standard.ts';
import { escapeHtml } from './html.ts';
import type { PrintableDocument, PrintContext } from './print-context.ts';

type Row = [label: string, value: string];

/** Department list as printed: full names joined by 、, or 所有受控部门 for `all`. */
export function departmentsText(refs: string[] | 'all' | undefined, ctx: PrintContext): string {
  if (refs === undefined) return '—';
  if (refs === 'all') return '所有受控部门';
  return refs.map((r) => ctx.departmentName(r)).join('、') || '—';
}

/** Rows of control fields specific to a document type (所属程序、保存期限 …). */
function typeRows(doc: PrintableDocument, ctx: PrintContext): Row[] {
  const d = doc.data;
  const rows: Row[] = [];
  if (doc.type === 'manual-section' && d.part) rows.push(['所属部分', manualPartLabels[d.part]]);
  if (d.procedure) rows.push(['所属程序', d.procedure]);
  if (doc.type === 'record') {
    if (d.keeper) rows.push(['保管部门', ctx.departmentName(d.keeper)]);
    if (d.retention) rows.push(['保存期限', d.retention]);
  }
  if (doc.type === 'regulation' && d.issuedAs) rows.push(['发文字号', d.issuedAs]);
  if (doc.type === 'standard' && d.level) rows.push(['层面', standardLevelLabels[d.level]]);
  return rows;
}

/** The title block: kind, title, 受控 mark, control fields and the 编制/审核/批准 table. */
export function titleBlockHtml(doc: PrintableDocument, ctx: PrintContext): string {
  const d = doc.data;
  const cell = (text: string | undefined) => escapeHtml(text || '—');
  const extra = typeRows(doc, ctx);
  const pairs: string[] = [];
  for (let i = 0; i < extra.length; i += 2) {
    const [a, b] = [extra[i]!, extra[i + 1]];
    pairs.push(`<tr><th>${a[0]}</th><td${b ? '' : ' colspan="3"'}>${cell(a[1])}</td>${b ? `<th>${b[0]}</th><td>${cell(b[1])}</td>` : ''}</tr>`);
  }
  const control = ctx.control(doc);
  const evidence = ctx.approval(doc);
  // Only a version in force on the print date is a controlled copy; one approved for a later date is not.
  const mark = control.controlled ? '<div class="controlled-mark">受控</div>' : '';
  const statusNote =
    control.state === 'pending'
      ? `<p class="status-note">本文件${escapeHtml(control.label)}，在生效日期之前不得作为工作依据</p>`
      : d.status === 'obsolete' ? '<p class="status-note">本文件已作废，仅供追溯查阅，不得作为工作依据</p>' : d.status === 'draft' ? '<p class="status-note">本文件为草稿，尚未批准发布，不得作为工作依据</p>' : '';
  return `<header class="title-block${mark ? ' controlled' : ''}">
${mark}<p class="doc-kind">${typeLabels[doc.type!]}</p>
<h1>${escapeHtml(d.title)}</h1>
${statusNote}<table class="control-fields"><tbody>
<tr><th>编号</th><td>${cell(d.number)}</td><th>版本</th><td>${cell(d.version)}</td></tr>
<tr><th>状态</th><td>${escapeHtml(control.label)}</td><th>生效日期</th><td>${cell(d.effectiveDate)}</td></tr>
<tr><th>牵头部门</th><td colspan="3">${escapeHtml(departmentsText(d.owners, ctx))}</td></tr>
<tr><th>协作部门</th><td colspan="3">${escapeHtml(departmentsText(d.cooperating, ctx))}</td></tr>
${pairs.join('\n')}
</tbody></table>
<table class="sign-table"><thead><tr><th>编制</th><th>审核</th><th>批准</th></tr></thead>
<tbody><tr><td>${cell(d.preparedBy)}</td><td>${cell(d.reviewedBy)}</td><td>${cell(d.approvedBy)}</td></tr></tbody></table>
${evidence ? `<p class="approval-evidence">${escapeHtml(evidence)}</p>\n` : ''}</header>`;
}

/** 修订记录 as a table, oldest first as written. */
export function revisionsHtml(doc: PrintableDocument): string {
  const revisions = doc.data.revisions ?? [];
  if (revisions.length === 0) return '';
  const rows = revisions.map((r) => `<tr><td>${escapeHtml(r.version)}</td><td>${escapeHtml(r.date)}</td><td>${escapeHtml(r.summary)}</td><td>${escapeHtml(r.author)}</td></tr>`);
  return `<section class="revisions-section"><h2 class="section-title">修订记录</h2>
<table class="revisions"><colgroup><col style="width:13mm"><col style="width:23mm"><col><col style="width:17mm"></colgroup>
<thead><tr><th>版本</th><th>日期</th><th>修订内容摘要</th><th>修订人</th></tr></thead>
<tbody>${rows.join('')}</tbody></table></section>`;
}
