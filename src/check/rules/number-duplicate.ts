import type { ControlledDocument } from '../../model/load.ts';
import { defineRule, placeOf } from '../define-rule.ts';

/** number/duplicate: two documents with the same number. */
export default defineRule({
  id: 'number/duplicate',
  severity: 'error',
  description: '文件编号在整个文件体系中必须唯一',
  run({ set, report }) {
    const first = new Map<string, ControlledDocument>();
    for (const doc of set.documents) {
      const number = doc.data.number;
      if (!number) continue;
      const earlier = first.get(number);
      if (!earlier) {
        first.set(number, doc);
        continue;
      }
      report(doc.path, placeOf(doc, 'number'), `文件编号 "${number}" 重复：已被 ${earlier.path} 使用；请改用一个未占用的编号`, {
        file: earlier.path,
        span: placeOf(earlier, 'number'),
        message: '首次使用在这里',
      });
    }
  },
});
