/** Where each document lives on the site and in dist/pdf: shared by the site, the PDFs and the history. */
import { folderOfType, type DocumentType } from '../model/document-types.ts';

/** File-name slug of a number: JMI/CX/08-1 → jmi-cx-08-1. */
export function slugOf(number: string): string {
  return number
    .toLowerCase()
    .replace(/[\/\s]+/g, '-')
    .replace(/[^a-z0-9\-\u4e00-\u9fff]/g, '')
    .replace(/-+/g, '-');
}

/** Site path of a document page, e.g. /procedures/jmi-cx-13/. */
export function documentPath(type: DocumentType, number: string): string {
  return `/${folderOfType[type]}/${slugOf(number)}/`;
}

/** Path of a document's Word copy under the site root, e.g. /docx/jmi-cx-13.docx (current documents only). */
export function docxPath(number: string): string {
  return `/docx/${slugOf(number)}.docx`;
}

/** Path of a document's PDF under the site root, e.g. /pdf/jmi-cx-13.pdf. */
export function pdfPath(number: string): string {
  return `/pdf/${slugOf(number)}.pdf`;
}

/** Site path of a department page, e.g. /departments/zgb/. */
export function departmentPath(id: string): string {
  return `/departments/${id}/`;
}
