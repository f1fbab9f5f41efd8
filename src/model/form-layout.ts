/**
 * 表单版式: how a form (质量记录) is laid out, one answer for the printed blank form, the record page on
 * the site and the online form (在线填写). Short fields pair up in a grid of label and value cells;
 * a table with many columns leaves the grid and spans the full width under its label; choice columns
 * print as a narrow row of boxes or as letters with a legend; a form whose widest table does not fit
 * a portrait page prints landscape.
 */
import { shownColumns, type ShownColumn } from './form-table.ts';
import type { FormField, RecordTemplate } from './schemas/record.ts';

/** 打印方向: portrait 纵向 / landscape 横向. */
export type FormOrientation = 'portrait' | 'landscape';

/** A field with the key its value has in a filled record (the label; made unique when a label repeats). */
export interface KeyedField {
  key: string;
  field: FormField;
}

/** One option of a choice column printed as a letter, explained in the legend under the table. */
export interface LegendEntry {
  letter: string;
  option: string;
}

/** A column of a table as laid out. */
export type LaidColumn = ShownColumn & {
  /** Estimated least width in millimetres on paper (9 pt), used to choose full width and landscape. */
  width: number;
  /** For a choice column whose options are too long for one narrow row: the letters and what they mean. */
  legend?: LegendEntry[];
};

/** A table field laid out: columns, printed rows and where it sits. */
export interface LaidTable extends KeyedField {
  columns: LaidColumn[];
  /** Blank rows printed (the template's `rows`, default 3). */
  rows: number;
  /** True when the table leaves the grid and spans the whole width under its label. */
  wide: boolean;
}

/** A block of the form, in filling order. */
export type FormBlock =
  /** Rows of label and value cells; a row holds one field, or two short ones side by side. */
  | { kind: 'grid'; rows: (KeyedField | TableInGrid)[][] }
  /** A table spanning the full width under its label. */
  | { kind: 'table'; table: LaidTable };

/** A narrow table kept in the grid: its label on the left, the table in the value cell. */
export interface TableInGrid extends KeyedField {
  table: LaidTable;
}

/** The whole form as laid out. */
export interface FormLayout {
  orientation: FormOrientation;
  /** True when the orientation was chosen from the width of a table (not declared in the template). */
  orientationChosen: boolean;
  blocks: FormBlock[];
  /** Every field with its key, in filling order. */
  fields: KeyedField[];
  /** True when some field is required (the form says what ＊ means). */
  hasRequired: boolean;
}

/** Width of the text area in millimetres: A4 with the print margins (25 mm left, 20 mm right). */
export const pageWidths: Record<FormOrientation, number> = { portrait: 165, landscape: 252 };

/** Width of the label column of the grid in millimetres. */
export const labelWidth = 27;

/** A table with more columns than this (序号 included) spans the full width under its label. */
const gridColumnLimit = 4;

/** Choice options that together fit one narrow row of boxes (是 / 否 / 待复核). */
const boxRowLimit = { options: 3, characters: 6 };

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Millimetres a 9 pt CJK text of `text` takes, with the cell's padding. */
function textWidth(text: string): number {
  return [...text].length * 3.3 + 4;
}

/** True when a choice column prints its options as letters with a legend rather than as labelled boxes. */
export function usesLegend(options: readonly string[]): boolean {
  const characters = options.reduce((n, o) => n + [...o].length, 0);
  return options.length > boxRowLimit.options || characters > boxRowLimit.characters;
}

function laidColumn(column: ShownColumn): LaidColumn {
  const header = textWidth(column.label);
  if (column.serial) return { ...column, width: 10 };
  switch (column.kind) {
    case 'date':
      return { ...column, width: Math.max(header, 24) };
    case 'checkbox':
    case 'number':
      return { ...column, width: Math.max(header, 14) };
    case 'choice': {
      const options = column.options ?? [];
      if (!usesLegend(options)) return { ...column, width: Math.max(header, options.reduce((n, o) => n + textWidth(o) + 2, 0)) };
      const legend = options.map((option, i) => ({ letter: letters[i] ?? String(i + 1), option }));
      return { ...column, legend, width: Math.max(header, legend.length * 7 + 4) };
    }
    default:
      // Room to write in: a text column is never narrower than four characters.
      return { ...column, width: Math.max(header, 18) };
  }
}

/** The keys of a form's fields: the label, or 标签（类型） when two fields share a label (a name and a signature). */
export function fieldKeys(fields: readonly FormField[]): KeyedField[] {
  const count = new Map<string, number>();
  for (const f of fields) count.set(f.label, (count.get(f.label) ?? 0) + 1);
  const used = new Set<string>();
  return fields.map((field) => {
    let key = count.get(field.label)! > 1 && field.kind === 'signature' ? `${field.label}（签名）` : field.label;
    for (let n = 2; used.has(key); n++) key = `${field.label}（${n}）`;
    used.add(key);
    return { key, field };
  });
}

/** The table of a table field as laid out. */
export function laidTable(keyed: KeyedField): LaidTable {
  const columns = shownColumns(keyed.field).map(laidColumn);
  const width = columns.reduce((n, c) => n + c.width, 0);
  return { ...keyed, columns, rows: keyed.field.rows ?? 3, wide: columns.length > gridColumnLimit || width > pageWidths.portrait - labelWidth * 2 };
}

/** Least width in millimetres the table needs. */
export function tableWidth(table: LaidTable): number {
  return table.columns.reduce((n, c) => n + c.width, 0);
}

/** Every table of a layout, wide or kept in the grid, in filling order. */
export function layoutTables(layout: Pick<FormLayout, 'blocks'>): LaidTable[] {
  return layout.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : b.rows.flat().flatMap((c) => ('table' in c ? [c.table] : []))));
}

const shortKinds = new Set<FormField['kind']>(['text', 'number', 'date']);

/** True for a field that may share a grid row with another short field. */
function pairs(field: FormField): boolean {
  return shortKinds.has(field.kind) && !field.note;
}

/** Lays out a form template (its fields and the declared orientation, if any). */
export function formLayout(template: Pick<RecordTemplate, 'fields'> & { orientation?: FormOrientation | undefined }): FormLayout {
  const fields = fieldKeys(template.fields);
  const blocks: FormBlock[] = [];
  let grid: (KeyedField | TableInGrid)[][] | undefined;
  let widest = 0;
  for (let i = 0; i < fields.length; i++) {
    const keyed = fields[i]!;
    if (keyed.field.kind === 'table') {
      const table = laidTable(keyed);
      widest = Math.max(widest, tableWidth(table));
      if (table.wide) {
        grid = undefined;
        blocks.push({ kind: 'table', table });
        continue;
      }
      if (!grid) blocks.push({ kind: 'grid', rows: (grid = []) });
      grid.push([{ ...keyed, table }]);
      continue;
    }
    if (!grid) blocks.push({ kind: 'grid', rows: (grid = []) });
    const next = fields[i + 1];
    if (pairs(keyed.field) && next && pairs(next.field)) {
      grid.push([keyed, next]);
      i++;
    } else grid.push([keyed]);
  }
  const chosen: FormOrientation = widest > pageWidths.portrait ? 'landscape' : 'portrait';
  return {
    orientation: template.orientation ?? chosen,
    orientationChosen: !template.orientation,
    blocks,
    fields,
    hasRequired: template.fields.some((f) => f.required),
  };
}
