/** 空白表单：a record template's `fields` laid out (formLayout) as a form to print, fill in by hand and sign. */
import { formLayout, labelWidth, type FormBlock, type FormLayout, type KeyedField, type LaidColumn, type LaidTable } from '../model/form-layout.ts';
import type { FormField } from '../model/schemas/record.ts';
import { escapeHtml } from './html.ts';
import { furnitureOf, pageHtml, watermarkHtml } from './page-html.ts';
import type { PrintableDocument, PrintContext } from './print-context.ts';
import { fieldLabel } from '../model/field-labels.ts';

/** Styles only forms need. */
export const formCss = `
.form{width:100%;border-collapse:collapse;font-size:9.5pt;margin:0;}
.form+.form,.table-block+.form,.form+.table-block,.table-block+.table-block{margin-top:-0.6pt;}
.form>tbody>tr>th{width:${labelWidth}mm;background:#f3f5f8;text-align:center;vertical-align:middle;font-weight:700;}
.form>tbody>tr>td{height:9mm;vertical-align:middle;}
.form td.tall{height:28mm;vertical-align:bottom;}
.form td.noted{height:13mm;vertical-align:bottom;}
.form td.subtable{padding:0;}
.form td.subtable table{margin:0;border:none;}
.form td.subtable tr>*:first-child{border-left:none;}
.form td.subtable tr>*:last-child{border-right:none;}
.form td.subtable tbody tr:last-child td{border-bottom:none;}
.form td.subtable thead tr:first-child th{border-top:none;}
table.rows{margin:0;font-size:9pt;}
table.rows th{background:#f8f9fb;text-align:center;vertical-align:middle;font-weight:700;white-space:nowrap;padding:1.2mm 1.2mm;}
table.rows td{height:8mm;vertical-align:middle;padding:0.8mm 1.2mm;}
table.rows td.serial{text-align:center;}
table.rows td.choice,table.rows td.date{white-space:nowrap;text-align:center;}
.table-block{break-inside:auto;}
.table-label{font-family:'Shoukong Sans','Shoukong Symbols';font-weight:700;font-size:9.5pt;background:#f3f5f8;border:0.6pt solid #444;border-bottom:none;padding:1.2mm 1.8mm;break-after:avoid;}
.table-label .fill-note{display:inline;margin:0 0 0 3mm;font-weight:400;}
.legend{font-family:'Shoukong Sans','Shoukong Symbols';font-size:8pt;color:#333;border:0.6pt solid #444;border-top:none;padding:1mm 1.8mm;margin:0;break-before:avoid;}
.legend b{margin-right:2mm;}
.legend span{margin-right:4mm;white-space:nowrap;}
.box{display:inline-block;width:3.2mm;height:3.2mm;border:0.7pt solid #222;vertical-align:-0.4mm;margin:0 1mm 0 0;}
.option{display:inline-block;margin:0.6mm 5mm 0.6mm 0;white-space:nowrap;}
td.choice .option{margin:0 1.6mm 0 0;}
td.choice .option:last-child{margin-right:0;}
.fill-note{display:block;font-family:'Shoukong Sans','Shoukong Symbols';font-size:7.5pt;color:#666;margin-top:0.8mm;line-height:1.35;}
.required{white-space:nowrap;}
.required>span{color:#b00;font-size:8pt;margin-left:0.3mm;}
.blank{display:inline-block;border-bottom:0.6pt solid #222;height:4mm;vertical-align:-0.8mm;}
.blank.name{width:32mm;}
.blank.year{width:13mm;}
.blank.md{width:7mm;}
.sign-line{white-space:nowrap;}
.sign-line .gap{display:inline-block;width:8mm;}
.form-head{display:flex;justify-content:space-between;font-size:9pt;margin:0 0 1.5mm;}
.form-title{font-size:16pt;margin:0 0 3mm;}
.form-foot{font-family:'Shoukong Sans','Shoukong Symbols';font-size:8pt;color:#555;margin-top:1mm;}
`;

/** 名称 of a landscape page (CSS named page) for a form printed inside a portrait document. */
const landscapePage = 'form-landscape';

/** CSS for a landscape form: the page size, and the watermark fitted to the turned page. */
function landscapeCss(whole: boolean): string {
  const watermark = '.watermark{width:252mm;height:164mm;}';
  return whole ? watermark : `@page ${landscapePage}{size:A4 landscape;}\n.form-section.landscape{page:${landscapePage};}`;
}

/** ____年__月__日 as offices print it. */
const blankDate = '<span class="blank year"></span>年<span class="blank md"></span>月<span class="blank md"></span>日';

function box(label: string): string {
  return `<span class="option"><span class="box"></span>${escapeHtml(label)}</span>`;
}

function note(field: FormField): string {
  return field.note ? `<span class="fill-note">${escapeHtml(field.note)}</span>` : '';
}

function label(field: FormField): string {
  if (!field.required) return escapeHtml(field.label);
  // Keep the mark on the line of the label's last character.
  const chars = [...field.label];
  const last = chars.pop()!;
  return `${escapeHtml(chars.join(''))}<span class="required">${escapeHtml(last)}<span>＊</span></span>`;
}

/** The cell a column of a table gets in row `row` (from 1): the number under 序号, boxes, a date line. */
function columnCell(column: LaidColumn, row: number): string {
  if (column.serial) return `<td class="serial">${row}</td>`;
  if (column.kind === 'choice') {
    const options = column.legend ? column.legend.map((e) => e.letter) : (column.options ?? []);
    return `<td class="choice">${options.map(box).join('')}</td>`;
  }
  if (column.kind === 'checkbox') return '<td class="choice"><span class="box"></span></td>';
  if (column.kind === 'date') return '<td class="date">年　　月　　日</td>';
  return '<td></td>';
}

/** The legend under a table: 数据来源：A 状态数据平台自动采集　B 部门填报 … */
function legendHtml(table: LaidTable): string {
  const lines = table.columns
    .filter((c) => c.legend)
    .map((c) => `<p class="legend"><b>${escapeHtml(c.label)}</b>${c.legend!.map((e) => `<span>${e.letter} ${escapeHtml(e.option)}</span>`).join('')}</p>`);
  return lines.join('');
}

/** The rows table of a table field: header on one line, blank numbered rows. */
function rowsTable(table: LaidTable): string {
  const fixed = (c: LaidColumn) => c.serial || c.kind === 'choice' || c.kind === 'checkbox' || c.kind === 'date';
  const cols = table.columns.map((c) => (fixed(c) ? `<col style="width:${c.width.toFixed(0)}mm">` : '<col>')).join('');
  const rows = Array.from({ length: table.rows }, (_, i) => `<tr>${table.columns.map((c) => columnCell(c, i + 1)).join('')}</tr>`).join('');
  return `<table class="rows"><colgroup>${cols}</colgroup><thead><tr>${table.columns.map((c) => `<th>${escapeHtml(c.label)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** The value cell of one field, by kind. */
function valueHtml(field: FormField): string {
  switch (field.kind) {
    case 'date':
      return blankDate;
    case 'choice':
      return `${(field.options ?? []).map(box).join('')}<span class="fill-note">（单选）</span>`;
    case 'multichoice':
      return `${(field.options ?? []).map(box).join('')}<span class="fill-note">（可多选）</span>`;
    case 'checkbox':
      return box('是');
    case 'signature':
      return `<span class="sign-line">签名：<span class="blank name"></span><span class="gap"></span>日期：${blankDate}</span>`;
    default:
      return '';
  }
}

/** One grid row: one field across the row, two short fields side by side, or a narrow table. */
function gridRow(row: (KeyedField & { table?: LaidTable })[]): string {
  const [a, b] = row;
  if (b) return `<tr><th>${label(a!.field)}</th><td>${valueHtml(a!.field)}</td><th>${label(b.field)}</th><td>${valueHtml(b.field)}</td></tr>`;
  const field = a!.field;
  if (a!.table) {
    return `<tr><th>${label(field)}</th><td colspan="3" class="subtable">${rowsTable(a!.table)}${legendHtml(a!.table)}${field.note ? `<div style="padding:0 1.8mm 1mm">${note(field)}</div>` : ''}</td></tr>`;
  }
  const tall = field.kind === 'textarea' ? ' class="tall"' : (field.kind === 'text' || field.kind === 'number' || field.kind === 'date') && field.note ? ' class="noted"' : '';
  return `<tr><th>${label(field)}</th><td colspan="3"${tall}>${valueHtml(field)}${note(field)}</td></tr>`;
}

function blockHtml(block: FormBlock): string {
  if (block.kind === 'grid') {
    return `<table class="form"><colgroup><col style="width:${labelWidth}mm"><col><col style="width:${labelWidth}mm"><col></colgroup><tbody>
${block.rows.map(gridRow).join('\n')}
</tbody></table>`;
  }
  const { table } = block;
  return `<div class="table-block"><div class="table-label">${label(table.field)}${table.field.note ? `<span class="fill-note">${escapeHtml(table.field.note)}</span>` : ''}</div>${rowsTable(table)}${legendHtml(table)}</div>`;
}

/** The layout of a printable record template. */
export function layoutOf(doc: PrintableDocument): FormLayout {
  return formLayout({ fields: doc.data.fields ?? [], orientation: doc.data.orientation });
}

/** The form itself (its blocks), optionally with its own heading line. */
export function formHtml(doc: PrintableDocument, ctx: PrintContext, options: { heading: boolean }): string {
  void ctx;
  const d = doc.data;
  const layout = layoutOf(doc);
  const head = options.heading
    ? `<h1 class="form-title">${escapeHtml(d.title)}</h1>
<div class="form-head"><span>${fieldLabel('number', 'record')}：${escapeHtml(d.number)}　${fieldLabel('version', 'record')}：${escapeHtml(d.version)}</span><span>${fieldLabel('retention', 'record')}：${escapeHtml(d.retention ?? '—')}</span><span>编号：__________</span></div>`
    : '';
  const required = layout.hasRequired ? '<p class="form-foot">注：标＊的栏目为必填项；选择项在 □ 内打 √。</p>' : '<p class="form-foot">注：选择项在 □ 内打 √。</p>';
  return `${head}${layout.blocks.map(blockHtml).join('\n')}${required}`;
}

/** The form section of a record's own PDF (表单样式), on landscape pages when the form needs them. */
export function formSectionHtml(doc: PrintableDocument, ctx: PrintContext): { html: string; css: string } {
  const landscape = layoutOf(doc).orientation === 'landscape';
  return {
    html: `<section class="form-section${landscape ? ' landscape' : ''}"><h2 class="section-title">表单样式</h2>${formHtml(doc, ctx, { heading: false })}</section>`,
    css: `${formCss}${landscape ? landscapeCss(false) : ''}`,
  };
}

/** The print HTML of a record's blank form: only the form, with number, version and 保存期限. */
export function blankFormHtml(doc: PrintableDocument, ctx: PrintContext): string {
  const landscape = layoutOf(doc).orientation === 'landscape';
  const furniture = { ...furnitureOf(doc, ctx, `　保存期限 ${doc.data.retention ?? '—'}`), ...(landscape ? { landscape } : {}) };
  return pageHtml(`${doc.data.number} ${doc.data.title}（空白表单）`, furniture, ctx, `${watermarkHtml(doc)}${formHtml(doc, ctx, { heading: true })}`, `${formCss}${landscape ? landscapeCss(true) : ''}`);
}
