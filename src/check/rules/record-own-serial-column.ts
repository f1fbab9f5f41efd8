import { defineRule, placeOf } from '../define-rule.ts';
import { isOwnSerialColumn, serialLabel } from '../../model/form-table.ts';

/** record/own-serial-column: a form's table declares the 序号 column that every table gets anyway. */
export default defineRule({
  id: 'record/own-serial-column',
  severity: 'warning',
  description: '表单中表格字段的第一列“序号”由网页和 PDF 自动生成，不要在 columns 中再写一列“序号”',
  run({ set, report }) {
    for (const doc of set.documents) {
      if (doc.type !== 'record') continue;
      (doc.data.fields ?? []).forEach((field, i) => {
        if (field.kind !== 'table') return;
        (field.columns ?? []).forEach((column, j) => {
          if (!isOwnSerialColumn(column)) return;
          report(
            doc.path,
            placeOf(doc, `fields.${i}.columns.${j}.label`),
            `表格「${field.label}」自己写了“${column.label}”列：网页和 PDF 都会自动在第一列加“${serialLabel}”（1、2、3…），请从 columns 中删去这一列，否则它不会显示`,
          );
        });
      });
    }
  },
});
