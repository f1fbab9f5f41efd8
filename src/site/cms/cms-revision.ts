/** Change control inside the web editor (变更控制): a changed effective document gets its next version and a revision record. */
import { parseVersion, type VersionScheme } from '../../model/version.ts';
import { rawKey, readMdx, sameBody, sameValue } from './cms-file.ts';

type Data = Record<string, unknown>;

/** The next version: 修改状态 +1 (B/1 → B/2), or 换版 (B/1 → C/0). */
export function nextVersion(scheme: VersionScheme, version: string, newEdition: boolean): string | undefined {
  const parsed = parseVersion(scheme, version);
  if (!parsed) return undefined;
  const [major, minor] = parsed;
  const edition = newEdition ? major + 1 : major;
  const head = scheme.style === 'letter-number' ? String.fromCharCode(64 + edition) : String(edition);
  return `${head}${scheme.separator}${newEdition ? 0 : minor + 1}`;
}

/** True when an effective document was changed but its version was not raised: the editor must ask for a 修订摘要. */
export function needsRevision(data: Data): boolean {
  const raw = data[rawKey];
  if (typeof raw !== 'string') return false;
  const before = readMdx(raw);
  if (before.status !== 'effective' || data.version !== before.version) return false;
  return Object.keys({ ...before, ...data }).some((k) => k !== rawKey && (k === 'body' ? !sameBody(data.body, before.body) : !sameValue(data[k], before[k])));
}

/** The fields to set: next version, the revision record at the end, and an effective date not before today. */
export function revisedFields(data: Data, scheme: VersionScheme, { summary, author, today }: { summary: string; author: string; today: string }): Data | undefined {
  const newEdition = /^换版/.test(summary);
  const version = nextVersion(scheme, String(data.version ?? ''), newEdition);
  if (!version) return undefined;
  const revisions = Array.isArray(data.revisions) ? data.revisions : [];
  const effectiveDate = typeof data.effectiveDate === 'string' && data.effectiveDate > today ? data.effectiveDate : today;
  return { version, effectiveDate, revisions: [...revisions, { version, date: today, summary, author }] };
}

/** The number of a new document left empty: the next free one under its procedure (or standard level). */
export function numberForNew(data: Data, next: string | Record<string, string> | undefined): string | undefined {
  if (typeof data[rawKey] === 'string' || (typeof data.number === 'string' && data.number.trim() !== '')) return undefined;
  if (typeof next === 'string') return next;
  const parent = typeof data.procedure === 'string' ? data.procedure : typeof data.level === 'string' ? data.level : undefined;
  return parent ? next?.[parent] : undefined;
}
