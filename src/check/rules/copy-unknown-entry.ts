import type { DataFile } from '../../model/load.ts';
import type { Span } from '../../model/position.ts';
import type { DistributionRegister } from '../../model/schemas/distribution.ts';
import { defineRule } from '../define-rule.ts';

/** Where entry `index` of the register is written: its 分发号, else the entry, else the file's start. */
export function copyPlace(file: DataFile<DistributionRegister>, index: number, field = 'copy'): Span {
  const places = file.places;
  return places[`copies.${index}.${field}`]?.value ?? places[`copies.${index}`]?.value ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}

/** copy/unknown-entry: a register entry naming no document, a version the document never had, an unknown department, or a 分发号 used twice. */
export default defineRule({
  id: 'copy/unknown-entry',
  severity: 'error',
  description: '发放回收登记中的文件编号、版本、领用部门必须存在，分发号不得重复，回收日期不得早于领用日期',
  run({ set, graph, departments, history, report }) {
    const file = set.distribution;
    const copies = file?.data?.copies;
    if (!file || !copies) return;
    const seen = new Map<string, number>();
    copies.forEach((entry, index) => {
      const doc = graph.byNumber.get(entry.number);
      if (!doc || doc.type === 'external') {
        report(file.path, copyPlace(file, index, 'number'), `登记的文件 "${entry.number}" 不是本体系的受控文件：请改正文件编号`);
      } else {
        const known = new Set([doc.data.version, ...(doc.data.revisions ?? []).map((r) => r.version), ...(history?.byPath.get(doc.path)?.versions.map((v) => v.version) ?? [])]);
        if (!known.has(entry.version)) report(file.path, copyPlace(file, index, 'version'), `${entry.number} 没有版本 "${entry.version}"（修订记录中的版本：${[...known].filter(Boolean).join('、')}）`);
      }
      if (departments && departments.resolve(entry.department)?.kind !== 'department') {
        report(file.path, copyPlace(file, index, 'department'), `领用部门 "${entry.department}" 不是 organization.yaml 中的一个部门`);
      }
      const back = entry.returned ?? entry.destroyed;
      if (back && back < entry.issued) report(file.path, copyPlace(file, index, entry.returned ? 'returned' : 'destroyed'), `回收日期 ${back} 早于领用日期 ${entry.issued}`);
      const first = seen.get(entry.copy);
      if (first !== undefined) {
        const at = copyPlace(file, first);
        report(file.path, copyPlace(file, index), `分发号 "${entry.copy}" 重复：第 ${at.start.line} 行已登记过，请用 npm run copy 取下一个分发号`);
      } else seen.set(entry.copy, index);
    });
  },
});
