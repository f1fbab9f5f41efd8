/** Every rule, in the order the authoring guide lists them. */
import type { Rule } from '../define-rule.ts';
import approvalMissingEvidence from './approval-missing-evidence.ts';
import changeApprovalRecordEdited from './change-approval-record-edited.ts';
import changeDeleted from './change-deleted.ts';
import changeEffectiveDateEarlier from './change-effective-date-earlier.ts';
import changeRenumbered from './change-renumbered.ts';
import changeStatusTransition from './change-status-transition.ts';
import changeVersionLowered from './change-version-lowered.ts';
import changeVersionNotRaised from './change-version-not-raised.ts';
import citeListMismatch from './cite-list-mismatch.ts';
import citeTableMismatch from './cite-table-mismatch.ts';
import citeTitleMismatch from './cite-title-mismatch.ts';
import citeVersionMismatch from './cite-version-mismatch.ts';
import coverageDraftOnly from './coverage-draft-only.ts';
import copyNotRecalled from './copy-not-recalled.ts';
import copyUnknownEntry from './copy-unknown-entry.ts';
import coverageUncoveredClause from './coverage-uncovered-clause.ts';
import externalUnregisteredNumber from './external-unregistered-number.ts';
import externalWithdrawnCited from './external-withdrawn-cited.ts';
import flowMermaidSyntax from './flow-mermaid-syntax.ts';
import flowMissingFlowchart from './flow-missing-flowchart.ts';
import flowNotListedByParent from './flow-not-listed-by-parent.ts';
import layerWrongFolder from './layer-wrong-folder.ts';
import mdxImageOutsideContent from './mdx-image-outside-content.ts';
import lifecycleImpossibleDate from './lifecycle-impossible-date.ts';
import lifecycleObsoleteIncomplete from './lifecycle-obsolete-incomplete.ts';
import lifecycleReliesOnDraft from './lifecycle-relies-on-draft.ts';
import lifecycleReliesOnPending from './lifecycle-relies-on-pending.ts';
import lifecycleReviewBeforeEffective from './lifecycle-review-before-effective.ts';
import mdxNoEsm from './mdx-no-esm.ts';
import mdxNoExpression from './mdx-no-expression.ts';
import mdxUnknownComponent from './mdx-unknown-component.ts';
import mdxUnsafeUrl from './mdx-unsafe-url.ts';
import numberDuplicate from './number-duplicate.ts';
import numberPattern from './number-pattern.ts';
import orgInvalidPattern from './org-invalid-pattern.ts';
import orgMissing from './org-missing.ts';
import orgUnknownDepartment from './org-unknown-department.ts';
import recordOwnSerialColumn from './record-own-serial-column.ts';
import recordRetention from './record-retention.ts';
import recordNotListedByParent from './record-not-listed-by-parent.ts';
import recordUnused from './record-unused.ts';
import refObsoleteTarget from './ref-obsolete-target.ts';
import refSuspect from './ref-suspect.ts';
import refTitleRepeated from './ref-title-repeated.ts';
import refUnknownClause from './ref-unknown-clause.ts';
import refUnknownTarget from './ref-unknown-target.ts';
import refWrongType from './ref-wrong-type.ts';
import regulationListedTwice from './regulation-listed-twice.ts';
import regulationUncited from './regulation-uncited.ts';
import reviewOverdue from './review-overdue.ts';
import roleNotAuthorized from './role-not-authorized.ts';
import roleSamePerson from './role-same-person.ts';
import roleUnknownPerson from './role-unknown-person.ts';
import schemaRequired from './schema-required.ts';
import schemaType from './schema-type.ts';
import schemaUnknownField from './schema-unknown-field.ts';
import statusEffectiveIncomplete from './status-effective-incomplete.ts';
import statusSupersededNotObsolete from './status-superseded-not-obsolete.ts';
import structureArticleNumbering from './structure-article-numbering.ts';
import structureChapterOrder from './structure-chapter-order.ts';
import structureHeadingNumbering from './structure-heading-numbering.ts';
import structureMissingChapter from './structure-missing-chapter.ts';
import structureMissingField from './structure-missing-field.ts';
import supersedeCycle from './supersede-cycle.ts';
import supersedeObsoleteReplacesCurrent from './supersede-obsolete-replaces-current.ts';
import supersedeTwice from './supersede-twice.ts';
import syntaxEncoding from './syntax-encoding.ts';
import syntaxMdx from './syntax-mdx.ts';
import syntaxNoFrontmatter from './syntax-no-frontmatter.ts';
import syntaxSymlink from './syntax-symlink.ts';
import syntaxTooDeep from './syntax-too-deep.ts';
import syntaxTooLarge from './syntax-too-large.ts';
import syntaxYaml from './syntax-yaml.ts';
import versionEffectiveBeforeRevision from './version-effective-before-revision.ts';
import versionInvalid from './version-invalid.ts';
import versionNotInRevisions from './version-not-in-revisions.ts';
import versionRevisionsOrder from './version-revisions-order.ts';

export const rules: readonly Rule[] = [
  approvalMissingEvidence,
  changeApprovalRecordEdited,
  changeDeleted,
  changeEffectiveDateEarlier,
  changeRenumbered,
  changeStatusTransition,
  changeVersionLowered,
  changeVersionNotRaised,
  citeListMismatch,
  citeTableMismatch,
  citeTitleMismatch,
  citeVersionMismatch,
  coverageDraftOnly,
  copyNotRecalled,
  copyUnknownEntry,
  coverageUncoveredClause,
  externalUnregisteredNumber,
  externalWithdrawnCited,
  flowMermaidSyntax,
  flowMissingFlowchart,
  flowNotListedByParent,
  layerWrongFolder,
  mdxImageOutsideContent,
  lifecycleImpossibleDate,
  lifecycleObsoleteIncomplete,
  lifecycleReliesOnDraft,
  lifecycleReliesOnPending,
  lifecycleReviewBeforeEffective,
  mdxNoEsm,
  mdxNoExpression,
  mdxUnknownComponent,
  mdxUnsafeUrl,
  numberDuplicate,
  numberPattern,
  orgInvalidPattern,
  orgMissing,
  orgUnknownDepartment,
  recordOwnSerialColumn,
  recordRetention,
  recordNotListedByParent,
  recordUnused,
  refObsoleteTarget,
  refSuspect,
  refTitleRepeated,
  refUnknownClause,
  refUnknownTarget,
  refWrongType,
  regulationListedTwice,
  regulationUncited,
  reviewOverdue,
  roleNotAuthorized,
  roleSamePerson,
  roleUnknownPerson,
  schemaRequired,
  schemaType,
  schemaUnknownField,
  statusEffectiveIncomplete,
  statusSupersededNotObsolete,
  structureArticleNumbering,
  structureChapterOrder,
  structureHeadingNumbering,
  structureMissingChapter,
  structureMissingField,
  supersedeCycle,
  supersedeObsoleteReplacesCurrent,
  supersedeTwice,
  syntaxEncoding,
  syntaxMdx,
  syntaxNoFrontmatter,
  syntaxSymlink,
  syntaxTooDeep,
  syntaxTooLarge,
  syntaxYaml,
  versionEffectiveBeforeRevision,
  versionInvalid,
  versionNotInRevisions,
  versionRevisionsOrder,
];
