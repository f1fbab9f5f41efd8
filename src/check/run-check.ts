/** Runs every rule over a loaded document set and returns the sorted diagnostics. Never throws. */
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { buildGraph } from '../graph/build-graph.ts';
import type { ChangeSet } from '../history/change-set.ts';
import type { FlowchartSyntaxError } from './flowchart-syntax.ts';
import type { RepositoryHistory } from '../history/document-history.ts';
import { buildToday } from '../history/in-force-today.ts';
import type { DocumentSet } from '../model/load.ts';
import { indexDepartments } from '../model/organization.ts';
import type { Rule, RuleContext } from './define-rule.ts';
import { rules as allRules } from './rules/index.ts';

export interface CheckOptions {
  today?: string;
  history?: RepositoryHistory;
  changes?: ChangeSet;
  flowchartErrors?: ReadonlyMap<string, FlowchartSyntaxError>;
  rules?: readonly Rule[];
}

export function runCheck(set: DocumentSet, options: CheckOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const organization = set.organization.data;
  const graph = buildGraph(set);
  const base = {
    set,
    graph,
    organization,
    departments: organization ? indexDepartments(organization) : undefined,
    frameworks: set.frameworks.flatMap((f) => (f.data ? [f.data] : [])),
    today: options.today ?? buildToday(),
    history: options.history,
    changes: options.changes,
    flowchartErrors: options.flowchartErrors,
  };
  for (const rule of options.rules ?? allRules) {
    const context: RuleContext = {
      ...base,
      report(file, span, message, related, severity) {
        diagnostics.push({ file, span, severity: severity ?? rule.severity, message, ruleId: rule.id, ...(related ? { related } : {}) });
      },
    };
    try {
      rule.run(context);
    } catch (error) {
      diagnostics.push({
        file: 'content',
        span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
        severity: 'error',
        message: `检查规则 ${rule.id} 内部出错，请报告这个问题：${(error as Error).stack ?? String(error)}`,
        ruleId: 'internal/rule-crash',
      });
    }
  }
  return diagnostics.sort(compareDiagnostics);
}
