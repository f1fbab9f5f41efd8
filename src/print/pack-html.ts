/**
 * 审批材料 as one print page: a cover listing the changed documents with signature lines for 审核
 * and 批准, then a 修订对照表 per document. Every value from content goes through escapeHtml.
 */
import type { CharPart } from '../history/diff.ts';
import { packChangeLabels, type ApprovalPack, type PackDocument } from '../history/approval-pack.ts';
import { escapeHtml } from './html.ts';
import { cspMeta } from './lockdown.ts';
import { sansFamily, symbolsFamily } from './fonts.ts';
import { baseCss, pageRules } from './print-css.ts';
import { fieldLabel } from '../model/field-labels.ts';

export interface PackPageOptions {
  institution: string;
  /** @font-face rules of the print fonts; empty for the HTML artefact (the reader's fonts). */
  fontCss: string;
  /** 提交 stamp printed in the footer and on the cover, e.g. 构建 3f2a9c1. */
  commit: string;
  /** The date the pack was made, YYYY-MM-DD. */
  date: string;
}

/** Text with its deletions or insertions marked: <del> struck through, <ins> underlined (legible in black and white). */
function marked(parts: CharPart[] | undefined, tag: 'del' | 'ins'): string {
  if (!parts) return '<span class="none">（无）</span>';
  return parts
    .map((p) => {
      const text = escapeHtml(p.text).replace(/\n/g, '<br>');
      return p.changed ? `<${tag}>${text}</${tag}>` : text;
    })
    .join('');
}

function versionChange(d: PackDocument): string {
  if (d.fromVersion && d.toVersion) return d.fromVersion === d.toVersion ? d.toVersion : `${d.fromVersion} → ${d.toVersion}`;
  return d.toVersion ?? d.fromVersion ?? '—';
}

function coverHtml(pack: ApprovalPack, o: PackPageOptions): string {
  const rows = pack.documents.map(
    (d, i) => `<tr><td class="c">${i + 1}</td><td class="nw">${escapeHtml(d.number)}${d.oldNumber ? `<br><span class="small">原 ${escapeHtml(d.oldNumber)}</span>` : ''}</td><td>${escapeHtml(d.title)}</td><td class="c nw">${packChangeLabels[d.change]}</td><td class="c nw">${escapeHtml(versionChange(d))}</td><td>${escapeHtml(d.summary || '—')}</td><td class="small">${d.citedBy.length ? d.citedBy.map(escapeHtml).join('<br>') : '—'}</td></tr>`,
  );
  return `<section class="pack-cover">
<p class="pack-institution">${escapeHtml(o.institution)}</p>
<h1>受控文件修订审批材料</h1>
<p class="pack-meta">比较基线 ${escapeHtml(pack.baseRef)} · ${escapeHtml(o.commit)} · ${escapeHtml(o.date)} · 共 ${pack.documents.length} 份文件</p>
<table class="pack-list"><colgroup><col style="width:7mm"><col style="width:25mm"><col style="width:30mm"><col style="width:12mm"><col style="width:17mm"><col><col style="width:38mm"></colgroup>
<thead><tr><th>序号</th><th>${fieldLabel('number')}</th><th>${fieldLabel('title')}</th><th>变更</th><th>${fieldLabel('version')}</th><th>修订摘要</th><th>引用本文件的文件（影响范围）</th></tr></thead>
<tbody>${rows.join('\n') || '<tr><td colspan="7" class="c">与基线相比没有受控文件的变更</td></tr>'}</tbody></table>
<table class="pack-sign"><tbody>
<tr><th>审核意见</th><td class="write"></td></tr>
<tr><th>审核</th><td>签字：<span class="line"></span>　　日期：<span class="line short"></span></td></tr>
<tr><th>批准意见</th><td class="write"></td></tr>
<tr><th>批准</th><td>签字：<span class="line"></span>　　日期：<span class="line short"></span></td></tr>
</tbody></table>
<p class="small">说明：修订对照表中，原条文里<del>加删除线</del>的文字为删去的内容，修订后条文里<ins>加下划线</ins>的文字为新增的内容；仅列出有改动的章、条、款和段落，条文序号因增删而顺延的不单列。</p>
</section>`;
}

function comparisonHtml(d: PackDocument): string {
  const heading = `<h2>${escapeHtml(d.number)}　${escapeHtml(d.title)}　修订对照表</h2>
<p class="pack-doc-meta">${packChangeLabels[d.change]} · 版本 ${escapeHtml(versionChange(d))}${d.summary ? ` · 修订摘要：${escapeHtml(d.summary)}` : ''}</p>`;
  if (d.rows.length === 0) return `<section class="pack-doc">${heading}<p>${d.change === 'obsolete' ? '本文件作废，正文不再修订。' : '正文没有改动（仅文件头字段变化）。'}</p></section>`;
  const rows = d.rows.map(
    (r) => `<tr><td class="label">${escapeHtml(r.label)}</td><td>${marked(r.before, 'del')}</td><td>${marked(r.after, 'ins')}</td><td class="note">${escapeHtml(r.note)}</td></tr>`,
  );
  return `<section class="pack-doc">${heading}
<table class="pack-compare"><colgroup><col style="width:17mm"><col><col><col style="width:20mm"></colgroup>
<thead><tr><th>条款</th><th>原条文</th><th>修订后条文</th><th>修订说明</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

const packCss = () => `
.pack-cover{page-break-after:always;}
.pack-institution{text-align:center;font-size:14pt;margin:0 0 2mm;}
.pack-cover h1{text-align:center;font-size:20pt;margin:0 0 3mm;}
.pack-meta,.pack-doc-meta{text-align:center;font-size:9pt;color:#333;margin:0 0 4mm;}
.pack-doc-meta{text-align:left;}
/* The running header and footer are set in the sans face at regular weight: Chromium only loads a face
   the body uses, so the meta lines use it too, or the margin texts print blank. */
.pack-meta,.pack-doc-meta,.pack-sign td{font-family:'${sansFamily}','${symbolsFamily}';}
table.pack-list,table.pack-compare,table.pack-sign{width:100%;border-collapse:collapse;table-layout:fixed;font-size:9.5pt;}
.pack-list th,.pack-list td,.pack-compare th,.pack-compare td,.pack-sign th,.pack-sign td{border:0.6pt solid #333;padding:1.5mm;vertical-align:top;word-break:break-all;}
.pack-list th,.pack-compare th,.pack-sign th{background:#eee;font-weight:bold;text-align:center;}
.pack-sign{margin-top:8mm;page-break-inside:avoid;}
.pack-sign th{width:22mm;vertical-align:middle;}
.pack-sign td.write{height:22mm;}
.pack-sign .line{display:inline-block;width:45mm;border-bottom:0.6pt solid #000;}
.pack-sign .line.short{width:30mm;}
.pack-doc{page-break-before:always;}
.pack-doc h2{font-size:13pt;margin:0 0 2mm;}
.pack-compare tr{page-break-inside:avoid;}
.pack-compare td.label{font-weight:bold;}
.pack-compare td.note{font-size:9pt;}
del{text-decoration:line-through;text-decoration-thickness:1pt;color:#a00;}
ins{text-decoration:underline;text-decoration-thickness:1pt;color:#005;font-weight:bold;}
.c{text-align:center;}.nw{white-space:nowrap;}.small{font-size:8.5pt;}.none{color:#666;}
`;

/** The whole pack as one self-contained page (print origin policy first, no script). */
export function packHtml(pack: ApprovalPack, o: PackPageOptions): string {
  const furniture = { institution: o.institution, headerRight: '受控文件修订审批材料', footerLeft: `比较基线 ${pack.baseRef}`, commit: o.commit };
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">${cspMeta}<title>受控文件修订审批材料</title>
<style>
${o.fontCss}
${pageRules(furniture)}
${baseCss}
${packCss()}
</style></head>
<body>
${coverHtml(pack, o)}
${pack.documents.map(comparisonHtml).join('\n')}
</body></html>`;
}
