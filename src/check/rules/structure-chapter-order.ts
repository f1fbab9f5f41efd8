import { typeLabels } from '../../model/document-types.ts';
import { defineRule, isCurrent } from '../define-rule.ts';
import { chapterName, chaptersOf } from './structure-chapters.ts';

/** structure/chapter-order: the required chapters are there but not in the order organization.yaml gives. */
export default defineRule({
  id: 'structure/chapter-order',
  severity: 'warning',
  description: '正文各章应按 organization.yaml 的 structure.<类型>.chapters 规定的顺序排列，每章只出现一次',
  run({ set, organization, report }) {
    for (const doc of set.documents) {
      const required = doc.type && organization?.structure?.[doc.type]?.chapters;
      if (!required || !isCurrent(doc)) continue;
      const found = chaptersOf(doc).filter((c) => required.includes(chapterName(c.text)));
      let last = -1;
      for (const [i, chapter] of found.entries()) {
        const index = required.indexOf(chapterName(chapter.text));
        if (index === last) {
          report(doc.path, chapter.span, `章节“${chapterName(chapter.text)}”出现了两次：请把两处内容合并为一章`, { file: doc.path, span: found[i - 1]!.span, message: '第一次出现在这里' });
          break;
        }
        if (index < last) {
          report(
            doc.path,
            chapter.span,
            `章节“${chapterName(chapter.text)}”应排在“${required[last]}”之前：organization.yaml 规定${typeLabels[doc.type!]}各章的顺序为 ${required.join('、')}`,
          );
          break;
        }
        last = index;
      }
    }
  },
});
