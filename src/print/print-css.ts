/** The print stylesheet: A4 pages with running header and footer drawn by Chromium's own paged media. */
import { displayWidth } from '../diagnostics/display-width.ts';
import { cssString } from './html.ts';
import { sansFamily, serifFamily, symbolsFamily } from './fonts.ts';

/** Bumped whenever the print templates change; part of every PDF cache key. */
export const templateVersion = 'print-11';

/** What every page of one printed document carries in its margins (页眉页脚). */
export interface PageFurniture {
  /** 学校名称，印在页眉左侧 */
  institution: string;
  /** Right side of the header, e.g. “JMI/CX/13　文件与资料控制”. */
  headerRight: string;
  /** Left side of the footer, e.g. “版本 B/0”. */
  footerLeft: string;
  /** Git commit the PDF was built from, printed small in the footer. */
  commit: string;
  /** A4 landscape (a form with a wide table); portrait otherwise. */
  landscape?: boolean;
}

const sans = `'${sansFamily}','${symbolsFamily}'`;
const serif = `'${serifFamily}','${symbolsFamily}'`;

/**
 * The text cut to `max` columns with … at the end: margin boxes do not clip, so a long title or
 * institution would otherwise run over its neighbour and down into the body.
 */
export function fitText(text: string, max: number): string {
  const chars = [...text];
  let width = 0;
  for (let i = 0; i < chars.length; i++) {
    width += displayWidth(chars[i]!);
    if (width > max) return `${chars.slice(0, i).join('').replace(/\s+$/, '')}…`;
  }
  return text;
}

/**
 * @page rules with the document's own texts written in literally: the margin boxes carry
 * font-family themselves, or Chromium would draw CJK in them with a Latin fallback (boxes).
 */
export function pageRules(page: PageFurniture): string {
  const box = `font-family:${sans};font-size:8.5pt;color:#222;`;
  return `@page{size:A4${page.landscape ? ' landscape' : ''};margin:24mm 20mm 22mm 25mm;
  @top-left{${box}content:${cssString(fitText(page.institution, 44))};vertical-align:bottom;padding-bottom:2mm;border-bottom:0.6pt solid #333;}
  @top-center{${box}content:"";border-bottom:0.6pt solid #333;vertical-align:bottom;}
  @top-right{${box}content:${cssString(fitText(page.headerRight, 64))};vertical-align:bottom;padding-bottom:2mm;border-bottom:0.6pt solid #333;white-space:nowrap;}
  @bottom-left{${box}content:${cssString(fitText(page.footerLeft, 56))};vertical-align:top;padding-top:2mm;border-top:0.6pt solid #333;}
  @bottom-center{${box}content:"第 " counter(page) " 页 共 " counter(pages) " 页";vertical-align:top;padding-top:2mm;border-top:0.6pt solid #333;}
  @bottom-right{font-family:${sans};font-size:6.5pt;color:#777;content:${cssString(page.commit)};vertical-align:top;padding-top:2.6mm;border-top:0.6pt solid #333;white-space:nowrap;}
}`;
}

/** The document stylesheet shared by controlled documents, blank forms, the cover and the contents. */
export const baseCss = `
html{-webkit-print-color-adjust:exact;print-color-adjust:exact;}
body{margin:0;font-family:${serif};font-size:10.5pt;line-height:1.65;color:#111;font-kerning:normal;overflow-wrap:break-word;}
h1,h2,h3,h4,h5,h6,th,.title-block,.label,figcaption,.note-title,.form-head{font-family:${sans};}
h1{font-size:18pt;font-weight:700;text-align:center;text-wrap:balance;margin:2mm 0 4mm;letter-spacing:0.08em;line-height:1.3;}
h2{font-size:13pt;font-weight:700;margin:6mm 0 2mm;break-after:avoid;}
h3{font-size:11pt;font-weight:700;margin:4mm 0 1.5mm;break-after:avoid;}
h4,h5,h6{font-size:10.5pt;font-weight:700;margin:3mm 0 1mm;break-after:avoid;}
p,li{text-align:justify;orphans:2;widows:2;}
p{margin:0 0 1.6mm;}
ol,ul{margin:0 0 1.6mm;padding-left:7mm;}
li{margin:0 0 0.8mm;}
li>p{margin:0;}
code{font-family:${sans};font-size:9pt;background:#f1f1f1;padding:0 0.8mm;border-radius:0.6mm;}
pre{font-family:${sans};font-size:8.5pt;background:#f5f5f5;padding:2mm 3mm;white-space:pre-wrap;border:0.4pt solid #ccc;}
pre code{background:none;padding:0;}
table{border-collapse:collapse;width:100%;margin:2mm 0 3mm;font-size:9.5pt;line-height:1.45;}
thead{display:table-header-group;}
tr{break-inside:avoid;}
th,td{border:0.6pt solid #444;padding:1.2mm 1.8mm;vertical-align:top;text-align:left;overflow-wrap:anywhere;}
th{background:#eceff3;font-weight:700;}
aside.note{border-left:1.2mm solid #888;background:#f6f6f6;padding:1.5mm 3mm;margin:2mm 0;break-inside:avoid;}
.note-title{font-weight:700;margin:0 0 1mm;}
.doc-ref{color:inherit;text-decoration:none;}
.doc-ref.broken{border-bottom:0.4pt dashed #999;}
.doc-ref .ref-number{font-family:${sans};font-size:0.9em;}
figure.flowchart{margin:3mm 0;text-align:center;break-inside:avoid;}
figure.flowchart svg{max-width:100%;max-height:225mm;height:auto;}
/* mermaid measured its labels in Noto Sans SC: print them in the same embedded font. */
figure.flowchart svg text,figure.flowchart svg tspan{font-family:${sans} !important;}
mark{background:#fff3a8;}
.body img{max-width:100%;height:auto;}
.image-omitted{font-family:${sans};font-size:9pt;color:#777;}
.section-title{font-family:${sans};font-size:12pt;font-weight:700;margin:7mm 0 2mm;break-after:avoid;}

/* 文件头：标题区 */
.title-block{margin:0 0 5mm;position:relative;}
.title-block.controlled h1{padding:0 21mm;}
.title-block .doc-kind{text-align:center;font-size:10pt;letter-spacing:0.3em;color:#333;margin:0;}
.title-block table{font-size:9pt;margin:0 0 2mm;}
.title-block th{width:17mm;white-space:nowrap;}
.title-block td{min-width:20mm;}
.sign-table th{text-align:center;}
.sign-table td{text-align:center;height:7mm;}
.approval-evidence{margin:1.5mm 0 0;font-size:9pt;text-align:right;}
.controlled-mark{position:absolute;top:1mm;right:3mm;border:1.2pt solid #c00;color:#c00;font-family:${sans};font-weight:700;font-size:13pt;letter-spacing:0.25em;padding:0.4mm 1.2mm 0.4mm 2.2mm;border-radius:1mm;transform:rotate(-8deg);}
.example-note{font-family:${sans};font-size:8.5pt;color:#8a5a00;border:0.5pt solid #d9a93c;background:#fff8e6;padding:1mm 2mm;margin:0 0 4mm;}
/* Fixed: a long value wraps or is cut in its own column instead of pushing the others off the page. */
.revisions{table-layout:fixed;}
.revisions td{overflow:hidden;}
.revisions td:nth-child(1),.revisions td:nth-child(2){white-space:nowrap;}
.watermark{position:fixed;top:0;left:0;width:165mm;height:251mm;display:flex;align-items:center;justify-content:center;z-index:10;pointer-events:none;}
.watermark span{display:block;transform:rotate(-35deg);font-family:${sans};font-weight:700;font-size:110pt;letter-spacing:0.35em;margin-right:-0.35em;color:rgba(200,0,0,0.13);white-space:nowrap;}
.watermark.draft span{color:rgba(60,60,60,0.12);}
.status-note{font-family:${sans};font-size:9pt;color:#c00;text-align:center;margin:0 0 3mm;}
`;
