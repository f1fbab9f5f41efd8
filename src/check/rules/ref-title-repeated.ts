import { inlineRefPattern } from '../../model/body.ts';
import type { Span } from '../../model/position.ts';
import { defineRule, placeOf } from '../define-rule.ts';

/**
 * The target's title written right after a bare reference, as in `[[JMI/CX/13]] 文件与资料控制` or
 * `[[JMI/CX/13]]《文件与资料控制》`: returns how many characters (after the ]]) repeat it, or 0.
 */
export function repeatedTitleLength(after: string, title: string): number {
  const match = /^[ \t\u3000]*(《?)/.exec(after)!;
  const rest = after.slice(match[0].length);
  if (!title || !rest.startsWith(title)) return 0;
  const closing = match[1] && rest.slice(title.length).startsWith('》') ? 1 : 0;
  if (match[1] && !closing) return 0;
  return match[0].length + title.length + closing;
}

/** ref/title-repeated: a bare [[编号]] already shows 编号《标题》; the title written after it shows twice. */
export default defineRule({
  id: 'ref/title-repeated',
  severity: 'warning',
  description: '[[编号]] 已显示为 编号《标题》，其后不要再写被引用文件的名称',
  run({ set, graph, report }) {
    const message = (number: string, title: string) =>
      `[[${number}]] 后面又写了它的名称“${title}”：[[编号]] 在网站和 PDF 中已显示为 ${number}《${title}》，名称会出现两次。请删去后面的名称，只写 [[${number}]]`;
    for (const doc of set.documents) {
      for (const ref of doc.file.body.refs) {
        const title = ref.label === undefined && ref.after ? graph.byNumber.get(ref.target)?.data.title : undefined;
        const length = title ? repeatedTitleLength(ref.after!, title) : 0;
        if (!length) continue;
        const span: Span = { start: ref.span.start, end: { line: ref.span.end.line, column: ref.span.end.column + length } };
        report(doc.path, span, message(ref.target, title!));
      }
      // Flow inputs and outputs are rendered the same way as the body.
      for (const field of ['inputs', 'outputs'] as const) {
        doc.data[field]?.forEach((text, i) => {
          for (const match of text.matchAll(inlineRefPattern)) {
            const number = match[1]!.trim();
            const title = match[2] === undefined ? graph.byNumber.get(number)?.data.title : undefined;
            if (title && repeatedTitleLength(text.slice(match.index + match[0].length), title)) report(doc.path, placeOf(doc, `${field}.${i}`), message(number, title));
          }
        });
      }
    }
  },
});
