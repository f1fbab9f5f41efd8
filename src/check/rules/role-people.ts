/** Helpers shared by the role rules: who signed a document's current version, and where. */
import type { ControlledDocument } from '../../model/load.ts';
import { indexPeople, type PeopleIndex } from '../../model/organization.ts';
import type { Organization } from '../../model/schemas/organization.ts';
import { fieldLabel } from '../../model/field-labels.ts';

/** 签署环节：编制 / 审核 / 批准 */
export type SignoffStep = 'prepare' | 'review' | 'approve';
export const stepFields: Record<SignoffStep, 'preparedBy' | 'reviewedBy' | 'approvedBy'> = { prepare: 'preparedBy', review: 'reviewedBy', approve: 'approvedBy' };
/** The steps' names are the fields' titles (编制 / 审核 / 批准). */
export const stepLabels: Record<SignoffStep, string> = { prepare: fieldLabel('preparedBy'), review: fieldLabel('reviewedBy'), approve: fieldLabel('approvedBy') };

/** The people of the organisation by name; undefined when organization.yaml lists none (the role rules then stay silent). */
export function peopleByName(org: Organization | undefined): PeopleIndex | undefined {
  return org?.people ? indexPeople(org) : undefined;
}

/** Every name a document gives, with the field path it sits at. */
export function namesIn(doc: ControlledDocument): { name: string; path: string; what: string }[] {
  const names: { name: string; path: string; what: string }[] = [];
  for (const step of ['prepare', 'review', 'approve'] as const) {
    const name = doc.data[stepFields[step]];
    if (name) names.push({ name, path: stepFields[step], what: `${stepLabels[step]}人` });
  }
  doc.data.revisions?.forEach((r, i) => names.push({ name: r.author, path: `revisions.${i}.author`, what: `修订记录 ${r.version} 的修订人` }));
  return names;
}
