import { inlineRefPattern } from '../../model/body.ts';
import { editDistance } from '../../model/did-you-mean.ts';
import type { ControlledDocument } from '../../model/load.ts';
import type { Span } from '../../model/position.ts';
import { defineRule, isCurrent, nameOf, placeOf } from '../define-rule.ts';

/** Strips 《》 and surrounding space from a title as written. */
const bare = (text: string) => text.trim().replace(/^《(.*)》$/, '$1').trim();

/** Shorter titles than this are words of ordinary prose (支持, 运行), not a naming of a document. */
const minTitleLength = 4;

/**
 * The titles a naming may be (at least minTitleLength long, each once) by their first minTitleLength
 * characters, longest first within each start, so that 文件与资料控制 is matched before a shorter title
 * it begins with. A text starts with a title only if it starts with the same characters, so looking in
 * one start's list finds what a search of them all would, without reading thousands of titles per reference.
 */
function titlesByStart(all: readonly (string | undefined)[]): Map<string, string[]> {
  const byStart = new Map<string, string[]>();
  for (const title of new Set(all)) {
    if (!title || title.length < minTitleLength) continue;
    const start = title.slice(0, minTitleLength);
    const list = byStart.get(start);
    if (list) list.push(title);
    else byStart.set(start, [title]);
  }
  // A stable sort of each list keeps titles of one length in the order a sort of all of them would.
  for (const list of byStart.values()) list.sort((a, b) => b.length - a.length);
  return byStart;
}

/**
 * cite/title-mismatch: a reference's label, a 《title》 written right next to it, or the title of another
 * document written right after it names the target otherwise than its title, so the reader is told one
 * document and sent to another. References in a flow's inputs and outputs are read the same way.
 */
export default defineRule({
  id: 'cite/title-mismatch',
  severity: 'error',
  description: '引用的显示文字（[[编号|文字]]）、紧挨引用写的《文件名》、紧跟引用写的文件名称，以及正文中“《文件名》（编号）”的写法，都须与该编号文件的名称一致',
  run({ set, graph, report }) {
    const titles = titlesByStart([...graph.byNumber.values()].map((d) => d.data.title));
    // `span` is a function where finding the place costs a parse (a flow's inputs and outputs): only a finding needs it.
    const check = (doc: ControlledDocument, target: string, label: string | undefined, before: string, after: string, span: Span | (() => Span)) => {
      const to = graph.byNumber.get(target);
      const title = to?.data.title;
      if (!to || !title) return;
      const written: string[] = [];
      if (label && bare(label) !== target) written.push(bare(label));
      // 《名称》[[编号]] / 《名称》（[[编号]]） and [[编号]]《名称》 / [[编号]]（《名称》）
      const marked = [/《([^《》]+)》[\s（(]*$/.exec(before), /^[\s（(]*《([^《》]+)》/.exec(after)];
      for (const match of marked) if (match) written.push(match[1]!.trim());
      // [[编号]] 另一文件的名称: only a whole title of another document counts, never free prose.
      if (!label && !marked[1]) {
        const plain = after.replace(/^[\s:：]+/, '');
        if (!plain.startsWith(title)) {
          const other = titles.get(plain.slice(0, minTitleLength))?.find((t) => t !== title && plain.startsWith(t) && !title.startsWith(t));
          if (other) written.push(other);
          else {
            // A near miss of the target's own title (文件编制申请表 for 文件编制（修订）申请表) up to the next
            // punctuation: it shares the title's start and differs from it in at most half its characters.
            const segment = /^[^，。；;,.、\s]+/.exec(plain)?.[0] ?? '';
            const near =
              segment.length >= minTitleLength &&
              segment.slice(0, 2) === title.slice(0, 2) &&
              !segment.startsWith(title) &&
              Math.abs(segment.length - title.length) <= title.length / 2 &&
              editDistance(segment, title) <= Math.ceil(title.length / 2) &&
              /(表|单|册|流程|程序|办法|制度|规定|细则|标准|规范|方案|记录|控制|管理)$/.test(segment);
            if (near) written.push(segment);
          }
        }
      }
      const wrong = written.find((text) => text !== title);
      if (wrong === undefined) return;
      const other = [...graph.byNumber.values()].find((d) => d.data.title === wrong);
      report(
        doc.path,
        typeof span === 'function' ? span() : span,
        `引用 ${target} 处写的名称“${wrong}”与该文件的名称“${title}”不一致${other ? `（“${wrong}”是 ${nameOf(other)} 的名称，是否引用错了编号？）` : ''}：请改为“${title}”，或只写 [[${target}]] 由系统显示名称`,
        { file: to.path, span: placeOf(to, 'title'), message: `${nameOf(to)} 的名称在这里` },
      );
    };
    for (const doc of set.documents) {
      // An obsolete text is frozen as issued: the titles it gave were right then.
      if (!isCurrent(doc)) continue;
      for (const ref of doc.file.body.refs) check(doc, ref.target, ref.label, ref.before ?? '', ref.after ?? '', ref.span);
      // 原《文件管理办法》（JMI/ZD/13-01）: a plain-text naming is held to the same title.
      for (const mention of doc.file.body.titled) check(doc, mention.number, mention.title, '', '', mention.span);
      for (const field of ['inputs', 'outputs'] as const) {
        doc.data[field]?.forEach((text, i) => {
          for (const match of text.matchAll(inlineRefPattern)) {
            const end = match.index + match[0].length;
            check(doc, match[1]!.trim(), match[2]?.trim(), text.slice(0, match.index), text.slice(end), () => placeOf(doc, `${field}.${i}`));
          }
        });
      }
    }
  },
});
