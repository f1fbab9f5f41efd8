/** The columns a table field of a form (质量记录) shows: one answer for the web page and the printed form. */
import type { FormField } from './schemas/record.ts';

/** A column of a table field as shown. */
export type ShownColumn = NonNullable<FormField['columns']>[number] & {
  /** The automatic 序号 column, numbered 1, 2, 3 … down the rows. */
  serial?: true;
};

/** 序号: the automatic first column of every table field. */
export const serialLabel = '序号';

/** True for a column the author declared that repeats the automatic 序号 (record/own-serial-column warns about it). */
export function isOwnSerialColumn(column: { label: string }): boolean {
  return column.label.replace(/\s+/g, '') === serialLabel;
}

/**
 * 序号 first, then the field's own columns (a field without columns has one, 内容). An own 序号 column
 * is left out: the form shows one, on the web and on paper alike.
 */
export function shownColumns(field: FormField): ShownColumn[] {
  const own = (field.columns ?? [{ label: '内容' }]).filter((c) => !isOwnSerialColumn(c));
  return [{ label: serialLabel, serial: true }, ...own];
}
