import { sameIssueNumber } from '../../model/issue-number.ts';
import { defineRule } from '../define-rule.ts';

/** external/unregistered-number: a body names a 文号 or standard number that is not in the 外来文件 register. */
export default defineRule({
  id: 'external/unregistered-number',
  severity: 'warning',
  description: '正文中出现的文号或标准号应在外来文件清单（content/external/）中登记，并用 [[文号]] 引用',
  run({ set, report }) {
    const registered = set.documents.filter((doc) => doc.type === 'external' && doc.data.number).map((doc) => doc.data.number!);
    // The college's own 发文字号 (制度的 issuedAs) are its own documents, not outside ones.
    const own = set.documents.flatMap((doc) => (doc.data.issuedAs ? [doc.data.issuedAs] : []));
    for (const doc of set.documents) {
      for (const use of doc.file.body.issueNumbers) {
        if ([...registered, ...own].some((number) => sameIssueNumber(use.text, number))) continue;
        report(
          doc.path,
          use.span,
          `"${use.text}" 像是外来文件的文号或标准号，但外来文件清单中没有它：请在 content/external/ 登记该文件后写成 [[文号]]；如不是外来文件，可改写措辞`,
        );
      }
    }
  },
});
