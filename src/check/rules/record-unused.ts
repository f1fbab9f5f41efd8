import { isUnusedRecord } from '../../graph/usage.ts';
import { fieldLabel } from '../../model/field-labels.ts';
import { defineRule, placeOf } from '../define-rule.ts';

/** record/unused: a record template that no procedure or flow uses. */
export default defineRule({
  id: 'record/unused',
  severity: 'error',
  description: '每个现行质量记录都必须被某个程序文件（records）或流程（输入、输出资源）使用',
  run({ set, graph, report }) {
    for (const doc of set.documents) {
      if (!isUnusedRecord(graph, doc)) continue;
      const parent = doc.data.procedure;
      report(doc.path, placeOf(doc, 'number'), `质量记录 "${doc.data.number}" 没有被任何程序或流程使用：请在${parent ? `程序 "${parent}"` : fieldLabel('procedure', 'record')}的 records 中列出它，或在流程的输入、输出资源中写 [[${doc.data.number}]]`);
    }
  },
});
