/** Sets the PDF metadata (标题、主题=编号、关键词、创建者、创建日期) with pdf-lib. */
import { PDFDocument, PDFName } from 'pdf-lib';
import { pdfMetadataText } from './html.ts';

/** The metadata written into every PDF Shoukong makes. */
export interface PdfMetadata {
  title: string;
  /** The document number, or a description for books. */
  subject: string;
  keywords: string[];
  author?: string;
  created: Date;
}

/** Writes the metadata into PDF bytes and asks viewers to show the title instead of the file name. */
export async function finishPdf(bytes: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  applyMetadata(pdf, meta);
  return pdf.save();
}

/** Sets metadata on an open pdf-lib document. */
export function applyMetadata(pdf: PDFDocument, meta: PdfMetadata): void {
  pdf.setTitle(pdfMetadataText(meta.title), { showInWindowTitleBar: true });
  pdf.setSubject(pdfMetadataText(meta.subject));
  pdf.setKeywords(meta.keywords.map(pdfMetadataText));
  if (meta.author) pdf.setAuthor(pdfMetadataText(meta.author));
  pdf.setCreator('Shoukong');
  pdf.setProducer('Shoukong（Chromium 分页 + pdf-lib）');
  pdf.setCreationDate(meta.created);
  pdf.setModificationDate(meta.created);
  pdf.setLanguage('zh-CN');
  pdf.catalog.set(PDFName.of('PageLayout'), PDFName.of('OneColumn'));
}
