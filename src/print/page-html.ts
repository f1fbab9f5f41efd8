/** The page shell shared by documents, forms, the cover and the contents: styles, margins, watermark. */
import { escapeHtml } from './html.ts';
import { cspMeta } from './lockdown.ts';
import { baseCss, pageRules, type PageFurniture } from './print-css.ts';
import type { PrintableDocument, PrintContext } from './print-context.ts';
import { statusLabels } from '../model/document-types.ts';

/** A complete, self-contained HTML page ready for Chromium to print; its policy comes first, before anything from content. */
export function pageHtml(title: string, furniture: PageFurniture | null, ctx: PrintContext, content: string, extraCss = ''): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">${cspMeta}<title>${escapeHtml(title)}</title>
<style>
${ctx.fontCss}
${furniture ? pageRules(furniture) : '@page{size:A4;margin:0;}'}
${baseCss}
${extraCss}
</style></head>
<body>
${content}
</body></html>`;
}

/** The margin texts of a document: institution, number and title, version, commit. */
export function furnitureOf(doc: PrintableDocument, ctx: PrintContext, footerExtra = ''): PageFurniture {
  const d = doc.data;
  return {
    institution: ctx.institution,
    headerRight: `${d.number}　${d.title}`,
    footerLeft: `版本 ${d.version}　${footerStatus(ctx.control(doc))}${footerExtra}`,
    commit: ctx.commitOf(doc),
  };
}

/** The footer's word for the copy: 受控文件 only for a version in force on the print date. */
function footerStatus(control: ReturnType<PrintContext['control']>): string {
  return control.controlled ? '受控文件' : control.state === 'pending' ? '待生效' : control.state === 'obsolete' ? statusLabels.obsolete : statusLabels.draft;
}

/** Diagonal 作废 / 草稿 watermark repeated on every page of a document that is not current. */
export function watermarkHtml(doc: PrintableDocument): string {
  if (doc.data.status === 'obsolete') return `<div class="watermark"><span>${statusLabels.obsolete}</span></div>`;
  if (doc.data.status === 'draft') return `<div class="watermark draft"><span>${statusLabels.draft}</span></div>`;
  return '';
}

