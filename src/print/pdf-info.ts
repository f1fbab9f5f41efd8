/**
 * Writes PDF metadata by an incremental update: a new Info dictionary and a one-entry
 * cross-reference section appended to Chromium's file, instead of re-parsing and re-writing it
 * (which costs about 0.1 s a document with pdf-lib).
 */
import type { PdfMetadata } from './pdf-finish.ts';
import { finishPdf } from './pdf-finish.ts';
import { pdfMetadataText } from './html.ts';

/** PDF text string in UTF-16BE hex, as Chinese titles need; hex digits cannot end the string early. */
export function pdfText(value: string): string {
  const text = pdfMetadataText(value);
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** PDF date string in UTC: (D:20261122230000Z). */
export function pdfDate(date: Date): string {
  return `(D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`;
}

/** Returns the PDF with the metadata set; falls back to pdf-lib for files it cannot append to. */
export async function withMetadata(bytes: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1];
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(tail)?.[1];
  const size = trailer && /\/Size\s+(\d+)/.exec(trailer)?.[1];
  const root = trailer && /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  if (!prev || !size || !root) return finishPdf(bytes, meta);

  const id = Number(size);
  const fields = [
    `/Title ${pdfText(meta.title)}`,
    `/Subject ${pdfText(meta.subject)}`,
    `/Keywords ${pdfText(meta.keywords.join(' '))}`,
    ...(meta.author ? [`/Author ${pdfText(meta.author)}`] : []),
    `/Creator ${pdfText('Shoukong')}`,
    `/Producer ${pdfText('Shoukong（Chromium 分页）')}`,
    `/CreationDate ${pdfDate(meta.created)}`,
    `/ModDate ${pdfDate(meta.created)}`,
  ];
  const objectOffset = bytes.length + 1;
  const object = `\n${id} 0 obj\n<<${fields.join('\n')}>>\nendobj\n`;
  const xrefOffset = bytes.length + object.length;
  const update = `${object}xref\n${id} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \ntrailer\n<</Size ${id + 1}\n/Root ${root}\n/Info ${id} 0 R\n/Prev ${prev}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  const appended = new TextEncoder().encode(update);
  const out = new Uint8Array(bytes.length + appended.length);
  out.set(bytes);
  out.set(appended, bytes.length);
  return out;
}
