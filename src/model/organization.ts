/** Looks up departments and groups in the organisation data by id, short name or name. */
import type { Department, Organization, Person } from './schemas/organization.ts';

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
