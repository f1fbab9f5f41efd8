/**
 * 表单模板的各个版本: what check-records knows of each version of a form template. The working file
 * gives the current version; the Git history (when there is one) gives the text of earlier versions
 * and the dates each took effect; the revision records (修订记录) name versions older than Git.
 */
import type { DocumentSet } from '../model/load.ts';
import { validateDocument } from '../model/load.ts';
import { parseFile } from '../model/parse-file.ts';
import type { FormField } from '../model/schemas/record.ts';
import type { RepositoryHistory } from './document-history.ts';
import { gitRunner, readBlobs } from './git.ts';

/** One version of a form template as check-records knows it. */
export interface TemplateVersion {
  number: string;
  title: string;
  version: string;
  effectiveDate?: string;
  /** The fields of that version; absent when only its number and dates are known (no Git text of it). */
  fields?: FormField[];
  /** Where the template is, for the related place of a finding. */
  path?: string;
  /** The version that replaced this one, and from when (its effective date). */
  supersededBy?: { version: string; effectiveDate: string };
  /** The form is obsolete (作废): since when, when known, and the form that replaces it. */
  obsolete?: { since?: string; successor?: string };
}

/** What the checker asks about templates: the form by number, and one version of it. */
export interface TemplateLookup {
  /** The current template of a form number (for its title and versions), or undefined when there is none. */
  form(number: string): { number: string; title: string; version: string; versions: string[] } | undefined;
  /** One version of a form, or undefined when the form never had it. */
  version(number: string, version: string): TemplateVersion | undefined;
}

/** A version in order, with its effective date and where its text is. */
interface Known {
  version: string;
  effectiveDate?: string;
  blob?: string;
  fields?: FormField[];
}

/**
 * The lookup over the templates of a set. `history` is read only when a record names a version other
 * than the current one (pass a function; it may answer an unavailable history).
 */
export function templateLookup(set: DocumentSet, history: () => RepositoryHistory): TemplateLookup {
  const templates = new Map(set.documents.filter((d) => d.type === 'record' && d.data.number).map((d) => [d.data.number!, d]));
  const versionsOf = new Map<string, Known[]>();
  const known = (number: string): Known[] => {
    const cached = versionsOf.get(number);
    if (cached) return cached;
    const doc = templates.get(number)!;
    const d = doc.data;
    const list: Known[] = [];
    // Git first (real effective dates and texts), then the revision records, then the working file.
    const h = history();
    for (const v of h.available ? (h.byPath.get(doc.path)?.versions ?? []) : []) {
      if (v.status !== 'effective' && v.status !== 'obsolete' && !v.fromRevisionRecords) continue;
      list.push({ version: v.version, ...(v.effectiveDate ? { effectiveDate: v.effectiveDate } : {}), ...(v.blob && !v.fromRevisionRecords ? { blob: v.blob } : {}) });
    }
    for (const r of d.revisions ?? []) if (!list.some((k) => k.version === r.version)) list.push({ version: r.version });
    const current = list.find((k) => k.version === d.version);
    if (current) Object.assign(current, { fields: d.fields, ...(d.effectiveDate ? { effectiveDate: d.effectiveDate } : {}) });
    else if (d.version) list.push({ version: d.version, ...(d.effectiveDate ? { effectiveDate: d.effectiveDate } : {}), ...(d.fields ? { fields: d.fields } : {}) });
    versionsOf.set(number, list);
    return list;
  };
  /** When an obsolete form stopped being in use: its successor's effective date, else the commit that made it obsolete. */
  const obsoleteFacts = (number: string): NonNullable<TemplateVersion['obsolete']> => {
    const successor = set.documents.find((d) => d.type === 'record' && d.data.status === 'effective' && d.data.supersedes?.includes(number));
    if (successor?.data.effectiveDate) return { since: successor.data.effectiveDate, successor: successor.data.number! };
    const h = history();
    const since = h.available ? h.byPath.get(templates.get(number)!.path)?.obsoletedBy?.date.slice(0, 10) : undefined;
    return { ...(since ? { since } : {}), ...(successor?.data.number ? { successor: successor.data.number } : {}) };
  };
  return {
    form(number) {
      const doc = templates.get(number);
      if (!doc?.data.title || !doc.data.version) return undefined;
      const revisions = (doc.data.revisions ?? []).map((r) => r.version);
      return { number, title: doc.data.title, version: doc.data.version, versions: [...new Set([...revisions, doc.data.version])] };
    },
    version(number, version) {
      const doc = templates.get(number);
      if (!doc?.data.title) return undefined;
      // The current version needs no history.
      const list = version === doc.data.version ? [{ version, ...(doc.data.effectiveDate ? { effectiveDate: doc.data.effectiveDate } : {}), ...(doc.data.fields ? { fields: doc.data.fields } : {}) }] : known(number);
      const index = list.findIndex((k) => k.version === version);
      if (index < 0) return undefined;
      const entry = list[index]!;
      if (!entry.fields && entry.blob) entry.fields = fieldsOfBlob(set.root, doc.path, entry.blob);
      const later = version === doc.data.version ? undefined : list.slice(index + 1).find((k) => k.effectiveDate && k.version !== version);
      const obsolete = doc.data.status === 'obsolete' && version === doc.data.version ? obsoleteFacts(number) : undefined;
      const result: TemplateVersion = {
        number,
        title: doc.data.title,
        version,
        path: doc.path,
        ...(entry.effectiveDate ? { effectiveDate: entry.effectiveDate } : {}),
        ...(entry.fields ? { fields: entry.fields } : {}),
        ...(later ? { supersededBy: { version: later.version, effectiveDate: later.effectiveDate! } } : {}),
        ...(obsolete ? { obsolete } : {}),
      };
      return result;
    },
  };
}

/** The fields of a template version stored in Git, or undefined when its text no longer validates. */
function fieldsOfBlob(root: string, path: string, blob: string): FormField[] | undefined {
  const bytes = readBlobs(gitRunner(root), [blob]).get(blob);
  if (!bytes) return undefined;
  const doc = validateDocument(parseFile(path, bytes));
  return doc.type === 'record' ? doc.data.fields : undefined;
}
