/** What a rule is and what it may see. One rule, one module, one stable id. */
import type { RelatedPlace, Severity } from '../diagnostics/diagnostic.ts';
import type { DocumentGraph } from '../graph/build-graph.ts';
import type { ChangeSet } from '../history/change-set.ts';
import type { FlowchartSyntaxError } from './flowchart-syntax.ts';
import type { RepositoryHistory } from '../history/document-history.ts';
import type { ControlledDocument, DocumentSet } from '../model/load.ts';
import type { DepartmentIndex } from '../model/organization.ts';
import { placesOf } from '../model/parse-file.ts';
import type { Span } from '../model/position.ts';
import type { Framework, Organization } from '../model/schemas/organization.ts';

export interface RuleContext {
  set: DocumentSet;
  graph: DocumentGraph;
  /** Absent when organization.yaml is missing or invalid; rules that need it then stay silent. */
  organization: Organization | undefined;
  departments: DepartmentIndex | undefined;
  frameworks: Framework[];
  /** Today's date as YYYY-MM-DD (injectable so that tests do not depend on the clock). */
  today: string;
  /** Version history from Git, when the document set is the top of a Git work tree. */
  history: RepositoryHistory | undefined;
  /** What changed against the base commit, with `check --base <ref>` (change control on pull requests). */
  changes: ChangeSet | undefined;
  /** Flowcharts mermaid cannot parse, by source; absent when flowcharts were not parsed. */
  flowchartErrors: ReadonlyMap<string, FlowchartSyntaxError> | undefined;
  /** `severity` overrides the rule's own where organization.yaml decides it (approvals.enforced). */
  report(file: string, span: Span, message: string, related?: RelatedPlace, severity?: Severity): void;
}

export interface Rule {
  /** Stable id, `area/what`, e.g. `ref/unknown-target`. */
  id: string;
  severity: Severity;
  /** One line in Chinese: what the rule guards; shown in the authoring guide. */
  description: string;
  run(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** The span of a frontmatter field's value (or key), falling back to the frontmatter block. */
export function placeOf(doc: ControlledDocument, path: string, part: 'key' | 'value' = 'value'): Span {
  const place = placesOf(doc.file)[path];
  return (part === 'key' ? place?.key : undefined) ?? place?.value ?? doc.file.frontmatterSpan;
}

/** 现行或草稿: defined once in the graph layer; re-exported here because every rule needs it. */
export { isCurrent } from '../graph/lifecycle.ts';

/** How a document is named in messages: 《标题》(编号). */
export function nameOf(doc: ControlledDocument): string {
  const { number, title } = doc.data;
  return title && number ? `《${title}》(${number})` : (number ?? doc.path);
}
