/** 文件头：the title block at the top of a printed document, and its revision records table. */
import type { HeaderRow } from '../history/document-header.ts';
import { typeLabels } from '../model/document-types.ts';
import { fieldLabel, revisionColumns, revisionFieldLabel } from '../model/field-labels.ts';
import { escapeHtml } from './html.ts';
import type { PrintableDocument, PrintContext } from './print-context.ts';

/**
 * The header rows as lines of the four-column control table (label, value, label, value): a list of
 * departments takes a whole line, other rows go two to a line in order. The Word copy lays out the same.
 */
export function headerLines(rows: readonly HeaderRow[]): HeaderRow[][] {
  const lines: HeaderRow[][] = [];
  for (const row of rows) {
    const last = lines.at(-1);
    if (!row.wide && last?.length === 1 && !last[0]!.wide) last.push(row);
    else lines.push([row]);
  }
  return lines;
}

/** The note under the title of a copy that must not be worked from (待生效、作废、草稿), or ''. */
export function statusNote(doc: PrintableDocument, ctx: PrintContext): string {
  const control = ctx.control(doc);
  if (control.state === 'pending') return `本文件${control.label}，在生效日期之前不得作为工作依据`;
  if (doc.data.status === 'obsolete') return '本文件已作废，仅供追溯查阅，不得作为工作依据';
  if (doc.data.status === 'draft') return '本文件为草稿，尚未批准发布，不得作为工作依据';
  return '';
}

/** The title block: kind, title, 受控 mark, control fields and the 编制/审核/批准 table. */
export function titleBlockHtml(doc: PrintableDocument, ctx: PrintContext): string {
  const header = ctx.header(doc);
  const lines = headerLines(header.rows).map(
    ([a, b]) => `<tr><th>${escapeHtml(a!.label)}</th><td${b ? '' : ' colspan="3"'}>${escapeHtml(a!.text)}</td>${b ? `<th>${escapeHtml(b.label)}</th><td>${escapeHtml(b.text)}</td>` : ''}</tr>`,
  );
  const evidence = ctx.approval(doc);
  // Only a version in force on the print date is a controlled copy; one approved for a later date is not.
  const mark = ctx.control(doc).controlled ? '<div class="controlled-mark">受控</div>' : '';
  const note = statusNote(doc, ctx);
  return `<header class="title-block${mark ? ' controlled' : ''}">
${mark}<p class="doc-kind">${typeLabels[doc.type!]}</p>
<h1>${escapeHtml(doc.data.title)}</h1>
${note ? `<p class="status-note">${escapeHtml(note)}</p>` : ''}<table class="control-fields"><tbody>
${lines.join('\n')}
</tbody></table>
<table class="sign-table"><thead><tr>${header.signatures.map((r) => `<th>${escapeHtml(r.label)}</th>`).join('')}</tr></thead>
<tbody><tr>${header.signatures.map((r) => `<td>${escapeHtml(r.text)}</td>`).join('')}</tr></tbody></table>
${evidence ? `<p class="approval-evidence">${escapeHtml(evidence)}</p>\n` : ''}</header>`;
}

/** 修订记录 as a table, oldest first as written. */
export function revisionsHtml(doc: PrintableDocument): string {
  const revisions = doc.data.revisions ?? [];
  if (revisions.length === 0) return '';
  const rows = revisions.map((r) => `<tr>${revisionColumns.map((c) => `<td>${escapeHtml(r[c])}</td>`).join('')}</tr>`);
  return `<section class="revisions-section"><h2 class="section-title">${fieldLabel('revisions')}</h2>
<table class="revisions"><colgroup><col style="width:13mm"><col style="width:23mm"><col><col style="width:17mm"></colgroup>
<thead><tr>${revisionColumns.map((c) => `<th>${revisionFieldLabel(c)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('')}</tbody></table></section>`;
}
