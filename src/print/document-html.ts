/** The print HTML of one controlled document, built from the model (not via the site). */
import { inlineRefPattern } from '../model/body.ts';
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

/** 业务概述表 of a flow: the fields printed above its flowchart. */
function flowOverviewHtml(doc: PrintableDocument, ctx: PrintContext): string {
  const d = doc.data;
  const list = (items: string[] | undefined) => (items && items.length ? items.map((i) => escapeHtml(refsAsText(i, ctx))).join('<br>') : '—');
  const rows: [string, string][] = [
    ['流程名称', escapeHtml(d.title)],
    ['所属岗位', escapeHtml(d.post ?? '—')],
    ['业务功能', escapeHtml(d.function ?? '—')],
    ['适用范围', escapeHtml(d.scope ?? '—')],
    ['工作准则', list(d.regulations?.map((n) => `[[${n}]]`))],
    ['输入资源', list(d.inputs)],
    ['输出资源', list(d.outputs)],
    ['考核点', list(d.assessmentPoints)],
    ['流程接口', list(d.interfaces?.map((n) => `[[${n}]]`))],
  ];
  return `<h2 class="section-title">业务概述</h2><table class="overview"><colgroup><col style="width:24mm"><col></colgroup><tbody>${rows
    .map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`)
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
