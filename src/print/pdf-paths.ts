/** File names under dist/pdf/: one per document, blank forms under forms/, and the whole manual. */
import { slugOf } from '../render/urls.ts';

/** The whole manual's file, relative to the PDF folder (and /pdf/ on the site). */
export const wholeManualFile = 'full-manual.pdf';

/** A document's PDF, relative to the PDF folder: jmi-cx-13.pdf (the site links /pdf/jmi-cx-13.pdf). */
export function documentPdfFile(number: string): string {
  return `${slugOf(number)}.pdf`;
}

/** A record's blank form, relative to the PDF folder: forms/jmi-jl-13-01.pdf. */
export function formPdfFile(number: string): string {
  return `forms/${slugOf(number)}.pdf`;
}
