/** Shared by the three schema rules: report the schema issues of one kind, for documents and data files. */
import type { SchemaIssueKind } from '../../model/validate.ts';
import type { RuleContext } from '../define-rule.ts';

export function reportSchemaIssues(kind: SchemaIssueKind, { set, report }: RuleContext): void {
  for (const doc of set.documents) for (const issue of doc.schemaIssues) if (issue.kind === kind) report(doc.path, issue.span, issue.message);
  for (const file of [set.organization, ...set.frameworks, ...(set.distribution ? [set.distribution] : []), ...(set.approvals ? [set.approvals] : [])]) {
    for (const issue of file.schemaIssues) if (issue.kind === kind) report(file.path, issue.span, issue.message);
  }
}
