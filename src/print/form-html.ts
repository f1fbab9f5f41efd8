/** 空白表单：a record template's `fields` laid out as a form to print, fill in by hand and sign. */
import { shownColumns, type ShownColumn } from '../model/form-table.ts';
import { recordNumberLabel, type FormField } from '../model/schemas/record.ts';
import { escapeHtml } from './html.ts';
import { furnitureOf, pageHtml, watermarkHtml } from './page-html.ts';
import type { PrintableDocument, PrintContext } from './print-context.ts';

/** Styles only forms need. */
export const formCss = `
.form{width:100%;border-collapse:collapse;font-size:9.5pt;margin:0 0 2mm;}
.form>tbody>tr>th{width:27mm;background:#f3f5f8;text-align:center;vertical-align:middle;font-weight:700;}
.form>tbody>tr>td{height:9mm;vertical-align:middle;}
.form td.tall{height:28mm;vertical-align:bottom;}
.form td.noted{height:13mm;vertical-align:bottom;}
.form td.subtable{padding:0;}
.form td.subtable table{margin:0;border:none;}
.form td.subtable th{background:#f8f9fb;text-align:center;font-weight:700;font-size:9pt;}
.form td.subtable td{height:8mm;}
.form td.subtable td.serial{width:9mm;text-align:center;}
.form td.subtable tr>*:first-child{border-left:none;}
.form td.subtable tr>*:last-child{border-right:none;}
.form td.subtable tbody tr:last-child td{border-bottom:none;}
.form td.subtable thead tr:first-child th{border-top:none;}
.form .field-label{font-family:inherit;font-weight:700;padding:1.2mm 1.8mm;background:#f3f5f8;border-bottom:0.6pt solid #444;}
.box{display:inline-block;width:3.2mm;height:3.2mm;border:0.7pt solid #222;vertical-align:-0.4mm;margin:0 1mm 0 0;}
.option{display:inline-block;margin:0.6mm 5mm 0.6mm 0;white-space:nowrap;}
.fill-note{display:block;font-family:'Shoukong Sans','Shoukong Symbols';font-size:7.5pt;color:#666;margin-top:0.8mm;line-height:1.35;}
.required{white-space:nowrap;}
.required>span{color:#b00;font-size:8pt;margin-left:0.3mm;}
.date-line{letter-spacing:0.1em;}
.sign-line{display:flex;gap:10mm;align-items:flex-end;}
.sign-line span{flex:1;}
.form-head{display:flex;justify-content:space-between;font-size:9pt;margin:0 0 1.5mm;}
.form-title{font-size:16pt;margin:0 0 3mm;}
.form-foot{font-family:'Shoukong Sans','Shoukong Symbols';font-size:8pt;color:#555;margin-top:1mm;}
`;

const shortKinds = new Set<FormField['kind']>(['text', 'number', 'date']);
const blankDate = '<span class="date-line">　　　　年　　月　　日</span>';

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

/** The cell a column of a table field gets in row `row` (from 1): the number under 序号, else empty. */
function columnCell(column: ShownColumn, row: number): string {
  if (column.serial) return String(row);
  if (column.kind === 'choice' && column.options?.length) return column.options.map(box).join('');
  if (column.kind === 'checkbox') return '<span class="box"></span>';
  if (column.kind === 'date') return '<span class="date-line">　　年　月　日</span>';
  return '';
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
      return `<div class="sign-line"><span>签名：</span><span>日期：${blankDate}</span></div>`;
    default:
      return '';
  }
}

/** One field as table rows of the form. */
function fieldRows(field: FormField): string {
  if (field.kind === 'table') {
    // The same columns as the web form: 序号 first (shownColumns).
    const columns = shownColumns(field);
    const rows = Array.from({ length: field.rows ?? 3 }, (_, i) => `<tr>${columns.map((c) => `<td${c.serial ? ' class="serial"' : ''}>${columnCell(c, i + 1)}</td>`).join('')}</tr>`).join('');
    return `<tr><th>${label(field)}</th><td class="subtable"><table><thead><tr>${columns.map((c) => `<th>${escapeHtml(c.label)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>${
      field.note ? `<div style="padding:0 1.8mm 1mm">${note(field)}</div>` : ''
    }</td></tr>`;
  }
  const tall = field.kind === 'textarea' ? ' class="tall"' : shortKinds.has(field.kind) && field.note ? ' class="noted"' : '';
  return `<tr><th>${label(field)}</th><td${tall}>${valueHtml(field)}${note(field)}</td></tr>`;
}

/** Pairs consecutive short fields (text, number, date) into one row of four cells. */
function formRows(fields: FormField[]): string {
  const rows: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const a = fields[i]!;
    const b = fields[i + 1];
    if (shortKinds.has(a.kind) && b && shortKinds.has(b.kind) && !a.note && !b.note) {
      rows.push(`<tr><th>${label(a)}</th><td>${valueHtml(a)}</td><th>${label(b)}</th><td>${valueHtml(b)}</td></tr>`);
      i++;
    } else {
      rows.push(fieldRows(a).replace(/^<tr><th>([\s\S]*?)<\/th><td/, '<tr><th>$1</th><td colspan="3"'));
    }
  }
  return rows.join('\n');
}

/** The form itself (a table of the fields), optionally with its own heading line. */
export function formHtml(doc: PrintableDocument, ctx: PrintContext, options: { heading: boolean }): string {
  void ctx;
  const d = doc.data;
  const head = options.heading
    ? `<h1 class="form-title">${escapeHtml(d.title)}</h1>
<div class="form-head"><span>${recordNumberLabel}：${escapeHtml(d.number)}　版本：${escapeHtml(d.version)}</span><span>保存期限：${escapeHtml(d.retention ?? '—')}</span><span>编号：__________</span></div>`
    : '';
  const required = (d.fields ?? []).some((f) => f.required) ? '<p class="form-foot">注：标＊的栏目为必填项。</p>' : '';
  return `${head}<table class="form"><colgroup><col style="width:27mm"><col><col style="width:27mm"><col></colgroup><tbody>
${formRows(d.fields ?? [])}
</tbody></table>${required}`;
}

/** The print HTML of a record's blank form: only the form, with number, version and 保存期限. */
export function blankFormHtml(doc: PrintableDocument, ctx: PrintContext): string {
  const furniture = furnitureOf(doc, ctx, `　保存期限 ${doc.data.retention ?? '—'}`);
  return pageHtml(`${doc.data.number} ${doc.data.title}（空白表单）`, furniture, ctx, `${watermarkHtml(doc)}${formHtml(doc, ctx, { heading: true })}`, formCss);
}
