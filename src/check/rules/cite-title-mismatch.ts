import { defineRule, nameOf } from '../define-rule.ts';

/** Strips 《》 and surrounding space from a title as written. */
const bare = (text: string) => text.trim().replace(/^《(.*)》$/, '$1').trim();

/**
 * cite/title-mismatch: a reference's label, or a 《title》 written right next to it, names the target
 * otherwise than its title, so the reader is told one document and sent to another.
 */
export default defineRule({
  id: 'cite/title-mismatch',
  severity: 'error',
  description: '正文引用的显示文字（[[编号|文字]]）或紧挨引用写的《文件名》须与被引用文件的名称一致',
  run({ set, graph, report }) {
    for (const doc of set.documents) {
      for (const ref of doc.file.body.refs) {
        const target = graph.byNumber.get(ref.target);
        const title = target?.data.title;
        if (!target || !title) continue;
        const written: string[] = [];
        if (ref.label && bare(ref.label) !== ref.target) written.push(bare(ref.label));
        // 《名称》[[编号]] / 《名称》（[[编号]]） and [[编号]]《名称》 / [[编号]]（《名称》）
        const before = /《([^《》]+)》[\s（(]*$/.exec(ref.before ?? '');
        const after = /^[\s（(]*《([^《》]+)》/.exec(ref.after ?? '');
        for (const match of [before, after]) if (match) written.push(match[1]!.trim());
        const wrong = written.find((text) => text !== title);
        if (wrong === undefined) continue;
        const other = [...graph.byNumber.values()].find((d) => d.data.title === wrong);
        report(
          doc.path,
          ref.span,
          `引用 ${ref.target} 处写的名称“${wrong}”与该文件的名称“${title}”不一致${other ? `（“${wrong}”是 ${nameOf(other)} 的名称，是否引用错了编号？）` : ''}：请改为“${title}”，或只写 [[${ref.target}]] 由系统显示名称`,
          { file: target.path, span: target.file.frontmatterSpan, message: `${nameOf(target)} 在这里` },
        );
      }
    }
  },
});
