import { typeLabels } from '../../model/document-types.ts';
import { defineRule, isCurrent } from '../define-rule.ts';
import { chapterName, chaptersOf } from './structure-chapters.ts';

/** structure/missing-chapter: a chapter organization.yaml requires of the type is not in the body. */
export default defineRule({
  id: 'structure/missing-chapter',
  severity: 'error',
  description: '正文必须有 organization.yaml 的 structure.<类型>.chapters 规定的各章（如程序文件的 目的、适用范围、职责、工作程序）',
  run({ set, organization, report }) {
    for (const doc of set.documents) {
      const required = doc.type && organization?.structure?.[doc.type]?.chapters;
      if (!required || !isCurrent(doc)) continue;
      const chapters = chaptersOf(doc);
      const present = new Set(chapters.map((c) => chapterName(c.text)));
      const missing = required.filter((name) => !present.has(name));
      if (missing.length === 0) continue;
      // Point where the first missing chapter belongs: at the next required chapter that is there.
      const later = required.slice(required.indexOf(missing[0]!) + 1);
      const at =
        chapters.find((c) => later.includes(chapterName(c.text)))?.span ??
        chapters.at(-1)?.span ?? { start: { line: doc.file.bodyStartLine, column: 1 }, end: { line: doc.file.bodyStartLine, column: 1 } };
      report(
        doc.path,
        at,
        `${typeLabels[doc.type!]}缺少章节 ${missing.map((m) => `“${m}”`).join('、')}：organization.yaml 规定${typeLabels[doc.type!]}应有 ${required.join('、')} 各章，请用二级标题（## ）补上`,
      );
    }
  },
});
