/** The department pages and the responsibility matrix (职责分配): who leads and who cooperates on which current document. */
import type { ControlledDocument } from '../../model/load.ts';
import { indexDepartments } from '../../model/organization.ts';
import type { Organization } from '../../model/schemas/organization.ts';
import { deptLink, resolveDepartments, sortLinks, type DeptLink, type DocLink } from './links.ts';

/** A department page: what it leads and where it cooperates (职责分配). */
export interface DepartmentView extends DeptLink {
  kindLabel: string;
  leads: DocLink[];
  cooperates: DocLink[];
  /** Documents every department cooperates on (协作部门：所有受控部门). */
  cooperatesAll: number;
}

/** Procedures × departments: ● leads, ○ cooperates. */
export interface ResponsibilityView {
  rows: { doc: DocLink; cells: ('lead' | 'cooperate' | '')[] }[];
}

const kindLabels = { party: '党群部门', administrative: '行政职能部门', teaching: '教学单位', support: '教辅与直属单位' } as const;

/**
 * Every department's page and the responsibility matrix, from the current documents' owners and
 * cooperating departments; `procedures` (current, in number order) are the matrix's rows.
 */
export function departmentViews(
  org: Organization | undefined,
  currentDocs: readonly ControlledDocument[],
  procedures: readonly ControlledDocument[],
  linkOf: ReadonlyMap<ControlledDocument, DocLink>,
): { departments: DepartmentView[]; responsibility: ResponsibilityView } {
  const index = org ? indexDepartments(org) : undefined;
  const allDepartments = org?.departments ?? [];
  const leadsOf = new Map<string, DocLink[]>();
  const coopOf = new Map<string, DocLink[]>();
  let cooperatesAll = 0;
  const roles = new Map<ControlledDocument, Map<string, 'lead' | 'cooperate'>>();
  for (const doc of currentDocs) {
    const link = linkOf.get(doc)!;
    const role = new Map<string, 'lead' | 'cooperate'>();
    const coop = doc.data.cooperating;
    const coopIds = coop === 'all' ? allDepartments.map((d) => d.id) : (coop ?? []).flatMap((r) => resolveDepartments(index, r).map((d) => d.id));
    if (coop === 'all') cooperatesAll++;
    for (const id of coopIds) role.set(id, 'cooperate');
    for (const r of doc.data.owners ?? []) for (const d of resolveDepartments(index, r)) role.set(d.id, 'lead');
    for (const [id, kind] of role) {
      if (!id) continue;
      if (kind === 'lead') push(leadsOf, id, link);
      else if (coop !== 'all') push(coopOf, id, link);
    }
    roles.set(doc, role);
  }
  const departments: DepartmentView[] = allDepartments.map((d) => ({
    ...deptLink(d),
    kindLabel: kindLabels[d.kind],
    leads: sortLinks(leadsOf.get(d.id) ?? []),
    cooperates: sortLinks(coopOf.get(d.id) ?? []),
    cooperatesAll,
  }));
  const responsibility = {
    rows: procedures.map((doc) => ({ doc: linkOf.get(doc)!, cells: allDepartments.map((d) => roles.get(doc)?.get(d.id) ?? '') })),
  };
  return { departments, responsibility };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
