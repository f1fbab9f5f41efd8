import { defineRule, isCurrent, nameOf, placeOf } from '../define-rule.ts';

/**
 * cite/version-mismatch: a version written right after a reference ([[编号]] A/1, [[编号]]（B/0 版）) is
 * not the target's current version, so the text points readers at a version no longer in force.
 */
export default defineRule({
  id: 'cite/version-mismatch',
  severity: 'error',
  description: '正文中紧跟引用写明的版本（如 [[编号]] A/1）须是被引用文件的当前版本',
  run({ set, graph, organization, report }) {
    if (!organization) return;
    const { style, separator } = organization.versionScheme;
    const sep = separator.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const token = style === 'letter-number' ? `[A-Z]${sep}\\d+` : `\\d+${sep}\\d+`;
    const pattern = new RegExp(`^\\s*[（(]?\\s*(?:版本|第)?\\s*(${token})(?![\\d])`);
    for (const doc of set.documents) {
      if (!isCurrent(doc)) continue; // frozen as issued
      for (const ref of doc.file.body.refs) {
        const target = graph.byNumber.get(ref.target);
        const match = pattern.exec(ref.after ?? '');
        if (!target?.data.version || !match || match[1] === target.data.version) continue;
        const old = target.data.revisions?.some((r) => r.version === match[1]);
        report(
          doc.path,
          ref.span,
          `引用 ${ref.target} 处写的版本 ${match[1]} 不是该文件的当前版本 ${target.data.version}${old ? `（${match[1]} 是已被替换的旧版本）` : '（该文件没有这个版本）'}：请改为 ${target.data.version}，或删去版本号只写引用`,
          { file: target.path, span: placeOf(target, 'version'), message: `${nameOf(target)} 的当前版本在这里` },
        );
      }
    }
  },
});
