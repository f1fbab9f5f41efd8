import { defineRule, isCurrent } from '../define-rule.ts';

/** “4 工作程序” → [4]; “4.2 实施（D）” → [4, 2]; unnumbered → undefined. */
function numberOf(text: string): number[] | undefined {
  const match = /^\s*(\d+(?:\.\d+)*)[\s.．、]/.exec(`${text} `);
  return match ? match[1]!.split('.').map(Number) : undefined;
}

/**
 * structure/heading-numbering: numbered chapters (## 1 目的) run 1, 2, 3 … and their sections (### 4.1)
 * carry the chapter's number and run 1, 2, 3 … within it, so that a citation such as “见 4.2” is unambiguous.
 * Only a body whose first chapter is numbered 1 is held to it.
 */
export default defineRule({
  id: 'structure/heading-numbering',
  severity: 'error',
  description: '编了号的章（## 1 目的）须从 1 起连续编号，节（### 4.1）须带所在章号并在章内从 1 起连续编号，不缺号、不重号',
  run({ set, report }) {
    for (const doc of set.documents) {
      if (!isCurrent(doc)) continue;
      const headings = doc.file.body.headings.filter((h) => h.depth === 2 || h.depth === 3);
      const firstChapter = headings.find((h) => h.depth === 2);
      // Held to it only when chapters count from 1: a manual section headed by clause numbers (7.5, 7.5.1) is not.
      const start = firstChapter && numberOf(firstChapter.text);
      if (!start || start.length !== 1 || start[0] !== 1) continue;
      let chapter = 0;
      let section = 0;
      for (const heading of headings) {
        const number = numberOf(heading.text);
        if (heading.depth === 2) {
          const want = chapter + 1;
          if (!number || number.length !== 1 || number[0] !== want) {
            report(doc.path, heading.span, `章“${heading.text}”的编号应为 ${want}${number ? `（这里是 ${number.join('.')}，${number[0]! < want ? '重号或倒序' : '缺号'}）` : '（这里没有编号，而本文件的章都编了号）'}：请按 1、2、3…… 顺序编号，并核对正文中引用章号的地方`);
          }
          chapter = number?.length === 1 ? number[0]! : want;
          section = 0;
        } else if (number && number.length === 2) {
          const want = [chapter, section + 1];
          if (number[0] !== want[0] || number[1] !== want[1]) {
            report(doc.path, heading.span, `节“${heading.text}”的编号应为 ${want.join('.')}（这里是 ${number.join('.')}）：节号由所在章号和章内序号组成，请顺序编号`);
          }
          section = number[1]!;
        }
      }
    }
  },
});
