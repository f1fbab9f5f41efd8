/** Looks up departments and groups in the organisation data by id, short name or name. */
import type { Department, Organization, Person } from './schemas/organization.ts';

export interface DepartmentIndex {
  /** The department or group a reference names, or undefined. */
  resolve(ref: string): { kind: 'department'; department: Department } | { kind: 'group'; id: string; name: string; members: Department[] } | undefined;
  /** All names an author may write, for did-you-mean. */
  names(): string[];
  /** The department groups (部门组), each once. */
  groups(): { id: string; name: string; members: Department[] }[];
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
    groups: () => [...new Set(groups.values())],
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

/** Words that make a name mean "every one of": 各二级学院, 所有教学部门, 全体学院. */
const everyPrefix = /^(?:各|所有|全部|全体|各个)/;

/**
 * The group an unknown department name most likely means: 各二级学院 → 教学单位, because most of that
 * group's members end in 学院. A name ending in the group's name resembles it; so does one that says
 * "every" (各, 所有, 全部, 二级) and whose last two characters end most of the group's member names.
 */
export function resemblingGroup(ref: string, index: DepartmentIndex): { id: string; name: string; members: Department[] } | undefined {
  const core = ref.replace(everyPrefix, '').replace(/们$/, '');
  const tail = core.slice(-2);
  let best: { group: ReturnType<DepartmentIndex['groups']>[number]; share: number } | undefined;
  for (const group of index.groups()) {
    if (core.endsWith(group.name) || group.name.endsWith(core)) return group;
    if (group.members.length === 0 || tail.length < 2) continue;
    const share = group.members.filter((m) => m.name.endsWith(tail) || m.shortName.endsWith(tail)).length / group.members.length;
    if (share >= 0.5 && (!best || share > best.share)) best = { group, share };
  }
  // 外语学院 alone is more likely a department missing from organization.yaml than a group.
  return best && (everyPrefix.test(ref) || /二级|院系/.test(core)) ? best.group : undefined;
}

export interface PeopleIndex {
  /** The person a document names (preparedBy, reviewedBy, approvedBy, a revision's author). */
  byName(name: string): Person | undefined;
  /** The person a Git or hosting-platform identity belongs to: an e-mail or a user name, any case. */
  byIdentity(identity: string): Person | undefined;
}

/** Looks up organization.yaml's people by name and by Git identity (shared by the role rules and approval proofs). */
export function indexPeople(org: Organization): PeopleIndex {
  const names = new Map<string, Person>();
  const identities = new Map<string, Person>();
  for (const person of org.people ?? []) {
    if (!names.has(person.name)) names.set(person.name, person);
    for (const id of [...(person.emails ?? []), ...(person.usernames ?? [])]) identities.set(id.toLowerCase(), person);
  }
  return {
    byName: (name) => names.get(name),
    byIdentity: (identity) => identities.get(identity.trim().toLowerCase()),
  };
}
