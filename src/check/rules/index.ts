/** Every rule, in the order the authoring guide lists them. */
import type { Rule } from '../define-rule.ts';
import changeDeleted from './change-deleted.ts';
import changeEffectiveDateEarlier from './change-effective-date-earlier.ts';
import changeRenumbered from './change-renumbered.ts';
import changeStatusTransition from './change-status-transition.ts';
import changeVersionLowered from './change-version-lowered.ts';
import changeVersionNotRaised from './change-version-not-raised.ts';
import copyNotRecalled from './copy-not-recalled.ts';
import copyUnknownEntry from './copy-unknown-entry.ts';
import coverageUncoveredClause from './coverage-uncovered-clause.ts';
import externalUnregisteredNumber from './external-unregistered-number.ts';
import externalWithdrawnCited from './external-withdrawn-cited.ts';
import flowMermaidSyntax from './flow-mermaid-syntax.ts';
import flowMissingFlowchart from './flow-missing-flowchart.ts';
import flowNotListedByParent from './flow-not-listed-by-parent.ts';
import layerWrongFolder from './layer-wrong-folder.ts';
import mdxNoEsm from './mdx-no-esm.ts';
import mdxNoExpression from './mdx-no-expression.ts';
import mdxUnknownComponent from './mdx-unknown-component.ts';
import numberDuplicate from './number-duplicate.ts';
import numberPattern from './number-pattern.ts';
import orgInvalidPattern from './org-invalid-pattern.ts';
import orgMissing from './org-missing.ts';
import orgUnknownDepartment from './org-unknown-department.ts';
import recordOwnSerialColumn from './record-own-serial-column.ts';
import recordUnused from './record-unused.ts';
import refObsoleteTarget from './ref-obsolete-target.ts';
import refSuspect from './ref-suspect.ts';
import refUnknownClause from './ref-unknown-clause.ts';
import refUnknownTarget from './ref-unknown-target.ts';
import refWrongType from './ref-wrong-type.ts';
import regulationUncited from './regulation-uncited.ts';
import reviewOverdue from './review-overdue.ts';
import schemaRequired from './schema-required.ts';
import schemaType from './schema-type.ts';
import schemaUnknownField from './schema-unknown-field.ts';
import statusEffectiveIncomplete from './status-effective-incomplete.ts';
import statusSupersededNotObsolete from './status-superseded-not-obsolete.ts';
import syntaxEncoding from './syntax-encoding.ts';
import syntaxMdx from './syntax-mdx.ts';
import syntaxNoFrontmatter from './syntax-no-frontmatter.ts';
import syntaxYaml from './syntax-yaml.ts';
import versionEffectiveBeforeRevision from './version-effective-before-revision.ts';
import versionInvalid from './version-invalid.ts';
import versionNotInRevisions from './version-not-in-revisions.ts';
import versionRevisionsOrder from './version-revisions-order.ts';

export const rules: readonly Rule[] = [
  changeDeleted,
  changeEffectiveDateEarlier,
  changeRenumbered,
  changeStatusTransition,
  changeVersionLowered,
  changeVersionNotRaised,
  copyNotRecalled,
  copyUnknownEntry,
  coverageUncoveredClause,
  externalUnregisteredNumber,
  externalWithdrawnCited,
  flowMermaidSyntax,
  flowMissingFlowchart,
  flowNotListedByParent,
  layerWrongFolder,
  mdxNoEsm,
  mdxNoExpression,
  mdxUnknownComponent,
  numberDuplicate,
  numberPattern,
  orgInvalidPattern,
  orgMissing,
  orgUnknownDepartment,
  recordOwnSerialColumn,
  recordUnused,
  refObsoleteTarget,
  refSuspect,
  refUnknownClause,
  refUnknownTarget,
  refWrongType,
  regulationUncited,
  reviewOverdue,
  schemaRequired,
  schemaType,
  schemaUnknownField,
  statusEffectiveIncomplete,
  statusSupersededNotObsolete,
  syntaxEncoding,
  syntaxMdx,
  syntaxNoFrontmatter,
  syntaxYaml,
  versionEffectiveBeforeRevision,
  versionInvalid,
  versionNotInRevisions,
  versionRevisionsOrder,
];
