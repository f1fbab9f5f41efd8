/** The print HTML of one controlled document, built from the model (not via the site). */
import { inlineRefPattern } from '../model/body.ts';
import { flowOverviewLabel } from '../model/field-labels.ts';
import { bodyOf, renderBody } from '../render/body-html.ts';
import { formSectionHtml } from './form-html.ts';
import { escapeHtml } from './html.ts';
import { furnitureOf, pageHtml, watermarkHtml } from './page-html.ts';
import { printableBody } from './print-body.ts';
import { linksAsText, type PrintableDocument, type PrintContext } from './print-context.ts';
import { revisionsHtml, titleBlockHtml } from './title-block.ts';

/** Replaces [[编号]] in a plain field with printable text. */
export function refsAsText(text: string, ctx: PrintContext): string {
  return text.replace(inlineRefPattern, (_all, number: string, label?: string) => {
    const n = number.trim();
    const title = ctx.resolve(n)?.title;
    return label ? `${label.trim()}（${n}）` : title ? `${n}《${title}》` : n;
  });
}

/** The fields of a flow's 业务概述表 as printed (PDF and Word), in order. */
export const flowOverviewFields = ['title', 'post', 'function', 'scope', 'regulations', 'inputs', 'outputs', 'assessmentPoints', 'interfaces'] as const;

/** 业务概述表 rows as printed: caption and the value's lines (— when empty); [[编号]] as 编号《名称》. */
export function flowOverviewRows(doc: PrintableDocument, ctx: PrintContext): { label: string; lines: string[] }[] {
  const d = doc.data;
  const refs = (numbers: string[] | undefined) => numbers?.map((n) => `[[${n}]]`);
  const values: Record<(typeof flowOverviewFields)[number], string | string[] | undefined> = {
    title: d.title,
    post: d.post,
    function: d.function,
    scope: d.scope,
    regulations: refs(d.regulations),
    inputs: d.inputs,
    outputs: d.outputs,
    assessmentPoints: d.assessmentPoints,
    interfaces: refs(d.interfaces),
  };
  return flowOverviewFields.map((field) => {
    const value = values[field];
    const lines = Array.isArray(value) ? value.map((i) => refsAsText(i, ctx)) : value ? [value] : [];
    return { label: flowOverviewLabel(field), lines: lines.length ? lines : ['—'] };
  });
}

/** 业务概述表 of a flow: the fields printed above its flowchart. */
function flowOverviewHtml(doc: PrintableDocument, ctx: PrintContext): string {
  return `<h2 class="section-title">业务概述</h2><table class="overview"><colgroup><col style="width:24mm"><col></colgroup><tbody>${flowOverviewRows(doc, ctx)
    .map(({ label, lines }) => `<tr><th>${escapeHtml(label)}</th><td>${lines.map(escapeHtml).join('<br>')}</td></tr>`)
    .join('')}</tbody></table>`;
}

/** The print HTML of a controlled document: title block, body, form (records), revision records; with `copy`, a numbered paper copy (copy-stamp.ts). */
export function documentHtml(doc: PrintableDocument, ctx: PrintContext, copy?: { css: string; footer: string }): string {
  const body = renderBody(bodyOf(ctx.bodyText(doc)), { resolve: ctx.resolve, flowchart: ctx.flowchart, documentPath: doc.path });
  const example = doc.data.example ? '<p class="example-note">示例文本：本文件为演示受控文件管理而编写的示例，不是任何学校的正式文件。</p>' : '';
  const overview = doc.type === 'flow' ? flowOverviewHtml(doc, ctx) : '';
  const form = doc.type === 'record' && doc.data.fields ? formSectionHtml(doc, ctx) : undefined;
  const content = `${watermarkHtml(doc)}
${titleBlockHtml(doc, ctx)}
${example}
${overview}
<main class="body">${linksAsText(printableBody(body.html, (src) => ctx.image(doc, src)?.dataUrl))}</main>
${form?.html ?? ''}
${revisionsHtml(doc)}`;
  return pageHtml(`${doc.data.number} ${doc.data.title}`, furnitureOf(doc, ctx, copy?.footer), ctx, content, `${form?.css ?? ''}${copy?.css ?? ''}`);
}
