/** Looks up departments and groups in the organisation data by id, short name or name. */
import type { Department, Organization } from './schemas/organization.ts';

export interface DepartmentIndex {
  /** The department or group a reference names, or undefined. */
  resolve(ref: string): { kind: 'department'; department: Department } | { kind: 'group'; id: string; name: string; members: Department[] } | undefined;
  /** All names an author may write, for did-you-mean. */
  names(): string[];
}

export function indexDepartments(org: Organization): DepartmentIndex {
  const byName = new Map<string, Department>();
  for (const d of org.departments) {
    byName.set(d.id, d);
    byName.set(d.shortName, d);
    byName.set(d.name, d);
  }
  const groups = new Map<string, { id: string; name: string; members: Department[] }>();
  for (const g of org.groups ?? []) {
    const members = org.departments.filter(
      (d) => (g.kinds ?? []).includes(d.kind) || (g.members ?? []).some((m) => byName.get(m) === d),
    );
    const entry = { id: g.id, name: g.name, members };
    groups.set(g.id, entry);
    groups.set(g.name, entry);
  }
  return {
    resolve(ref) {
      const department = byName.get(ref);
      if (department) return { kind: 'department', department };
      const group = groups.get(ref);
      return group ? { kind: 'group', ...group } : undefined;
    },
    names: () => [...byName.keys(), ...groups.keys()],
  };
}

/**
 * 一个部门引用如何显示（保管部门、牵头部门…）: a department by its own record, a group (教学单位)
 * by its name — never one of its members — and an unknown reference as written. The site and the
 * printed copy both read names through here, so they cannot disagree.
 */
export function departmentShown(index: DepartmentIndex | undefined, ref: string): { name: string; department?: Department } {
  const found = index?.resolve(ref);
  if (!found) return { name: ref };
  return found.kind === 'department' ? { name: found.department.name, department: found.department } : { name: found.name };
}
