import { expectedTargetTypes, type EdgeKind } from '../../graph/build-graph.ts';
import { typeLabels } from '../../model/document-types.ts';
import { fieldOfLabel } from '../../model/field-labels.ts';
import { defineRule, placeOf } from '../define-rule.ts';
import { chapterName } from './structure-chapters.ts';

/** Frontmatter fields that list document numbers; a chapter named after one must list the same documents. */
const listFields: Record<string, EdgeKind> = { regulations: 'regulation', records: 'record', flows: 'flow', standards: 'standard', procedures: 'implementation', interfaces: 'interface' };

/**
 * cite/list-mismatch: a chapter named after a list field (## 5 支持性文件, ## 6 质量记录, ## 7 相关流程)
 * cites other documents than the field lists, so the body and the control data disagree.
 */
export default defineRule({
  id: 'cite/list-mismatch',
  severity: 'error',
  description: '以文件头字段命名的章（如 支持性文件、质量记录、相关流程）引用的文件须与该字段列出的文件完全一致',
  run({ set, graph, report }) {
    for (const doc of set.documents) {
      // With a YAML error the fields are not known: syntax/yaml speaks for the file.
      if (!doc.type || doc.data.status === 'obsolete' || doc.file.yamlProblems.length > 0) continue;
      const headings = doc.file.body.headings;
      headings.forEach((heading, h) => {
        if (heading.depth > 2) return;
        const field = fieldOfLabel(chapterName(heading.text), doc.type!);
        if (!field || !(field in listFields)) return;
        // Only references of the field's kind count: a 支持性文件 chapter may also name standards.
        const types = expectedTargetTypes[listFields[field]!];
        const end = headings.slice(h + 1).find((next) => next.depth <= heading.depth)?.span.start.line ?? Infinity;
        const refs = doc.file.body.refs.filter((r) => {
          if (r.span.start.line <= heading.span.start.line || r.span.start.line >= end) return false;
          const target = graph.byNumber.get(r.target);
          return !target?.type || !types || types.includes(target.type);
        });
        const listed = ((doc.data as Record<string, unknown>)[field] as string[] | undefined) ?? [];
        const cited = new Set(refs.map((r) => r.target));
        for (const ref of refs) {
          // Only an entry of the list (the reference opens its item, row or line) claims the document;
          // a reference inside a sentence (…按 [[编号]] 办理) is a mention of another procedure's document.
          if (listed.includes(ref.target) || !/^[\s\d.、（）()]*$/.test(ref.before ?? '')) continue;
          report(doc.path, ref.span, `“${chapterName(heading.text)}”一章列出了 ${ref.target}，但文件头的 ${field} 中没有它：请在 ${field} 中加上 ${ref.target}，或从本章删去`, {
            file: doc.path,
            span: placeOf(doc, field),
            message: `${typeLabels[doc.type!]}的 ${field} 在这里`,
          });
        }
        const missing = listed.filter((n) => !cited.has(n));
        if (missing.length > 0) {
          report(doc.path, heading.span, `“${chapterName(heading.text)}”一章没有列出文件头 ${field} 中的 ${missing.join('、')}：请在本章补上 [[${missing[0]}]]${missing.length > 1 ? ' 等' : ''}，或从 ${field} 中删去`, {
            file: doc.path,
            span: placeOf(doc, field),
            message: `${typeLabels[doc.type!]}的 ${field} 在这里`,
          });
        }
      });
    }
  },
});
