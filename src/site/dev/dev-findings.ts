/**
 * Check findings (检查结果) grouped per file for the development preview: one entry per file with
 * findings, keyed by the document's page id when the file is a published document, else by its path.
 */
import { compareDiagnostics, countBySeverity, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DocumentSet } from '../../model/load.ts';
import type { SiteModel } from '../view/site-model.ts';

/** The findings of one content file, as stored in the dev-only `findings` collection. */
export interface FileFindings {
  /** The document's entry id in `documents` (procedures/jmi-cx-13), or the file path for other files. */
  id: string;
  /** Path relative to the content root, forward slashes, as the CLI prints it. */
  file: string;
  /** The document's page and title, when the file is a published document. */
  document?: { number: string; title: string; href: string };
  errors: number;
  warnings: number;
  /** Sorted by line, column and rule id: the same data `npm run check` prints. */
  diagnostics: Diagnostic[];
}

/** Groups diagnostics by file, in file order; files without findings have no entry. */
export function groupFindings(set: DocumentSet, site: Pick<SiteModel, 'byNumber'>, diagnostics: readonly Diagnostic[]): FileFindings[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const numberOf = new Map(set.documents.map((d) => [d.path, d.data.number]));
  const pageTaken = new Set<string>();
  return [...byFile].map(([file, list]) => {
    const number = numberOf.get(file);
    // Two files with one number share a page: the second keeps its path as id.
    const found = number ? site.byNumber.get(number) : undefined;
    const view = found && !pageTaken.has(found.id) ? found : undefined;
    if (view) pageTaken.add(view.id);
    return {
      id: view?.id ?? file,
      file,
      ...(view ? { document: { number: view.number, title: view.title, href: view.href } } : {}),
      ...countBySeverity(list),
      diagnostics: list,
    };
  });
}

/** Id of the `findings` entry holding the totals (no file or page id looks like it). */
export const findingsSummaryId = '_summary';

/** The totals entry: counts over the whole set and how long the last round took. */
export interface FindingsSummary {
  errors: number;
  warnings: number;
  files: number;
  timings: { load: number; check: number };
}

/** Totals over every file, for the dev banner (开发预览横幅). */
export function totalFindings(files: readonly Pick<FileFindings, 'errors' | 'warnings'>[]): { errors: number; warnings: number; files: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of files) {
    errors += f.errors;
    warnings += f.warnings;
  }
  return { errors, warnings, files: files.length };
}
