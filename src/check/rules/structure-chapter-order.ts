import { typeLabels } from '../../model/document-types.ts';
import { defineRule, isCurrent } from '../define-rule.ts';
import { chapterName, chaptersOf } from './structure-chapters.ts';

/** structure/chapter-order: the required chapters are there but not in the order organization.yaml gives. */
export default defineRule({
  id: 'structure/chapter-order',
  severity: 'warning',
  description: '正文各章应按 organization.yaml 的 structure.<类型>.chapters 规定的顺序排列',
  run({ set, organization, report }) {
    for (const doc of set.documents) {
      const required = doc.type && organization?.structure?.[doc.type]?.chapters;
      if (!required || !isCurrent(doc)) continue;
      const found = chaptersOf(doc).filter((c) => required.includes(chapterName(c.text)));
      let last = -1;
      for (const chapter of found) {
        const index = required.indexOf(chapterName(chapter.text));
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
