/** Test helpers that open produced PDFs the way an auditor's tools would: pdf-lib and pdfjs-dist. */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFHexString, PDFString, type PDFObject } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page, in reading order, with spaces between items removed. */
export async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const texts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join('').replace(/\s+/g, ''));
  }
  await doc.destroy();
  return texts;
}

/** Every font dictionary in the file with whether its glyphs are embedded. */
export async function fontsOf(bytes: Uint8Array): Promise<{ name: string; embedded: boolean }[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const lookup = (o: PDFObject | undefined) => (o instanceof PDFRef ? pdf.context.lookup(o) : o);
  const fonts: { name: string; embedded: boolean }[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = object.get(PDFName.of('Subtype'));
    if (subtype === PDFName.of('CIDFontType0') || subtype === PDFName.of('CIDFontType2')) continue; // checked through its Type0 parent
    let descriptorHolder: PDFDict = object;
    if (subtype === PDFName.of('Type0')) {
      const descendants = lookup(object.get(PDFName.of('DescendantFonts'))) as PDFArray;
      descriptorHolder = lookup(descendants.get(0)) as PDFDict;
    }
    const descriptor = lookup(descriptorHolder.get(PDFName.of('FontDescriptor'))) as PDFDict | undefined;
    const embedded = Boolean(descriptor && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(PDFName.of(k))));
    fonts.push({ name: String(object.get(PDFName.of('BaseFont'))).replace(/^\//, ''), embedded });
  }
  return fonts;
}

/** The bookmarks as a tree of titles with the 0-based page each opens. */
export interface Bookmark {
  title: string;
  pageIndex: number;
  children: Bookmark[];
}

export async function outlineOf(bytes: Uint8Array): Promise<Bookmark[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = pdf.getPages().map((p) => p.ref);
  const lookup = (o: PDFObject | undefined) => (o instanceof PDFRef ? pdf.context.lookup(o) : o) as PDFDict | undefined;
  const read = (first: PDFObject | undefined): Bookmark[] => {
    const out: Bookmark[] = [];
    for (let item = lookup(first); item; item = lookup(item.get(PDFName.of('Next')))) {
      const title = item.get(PDFName.of('Title')) as PDFHexString | PDFString;
      const dest = item.get(PDFName.of('Dest')) as PDFArray;
      out.push({ title: title.decodeText(), pageIndex: pages.indexOf(dest.get(0) as PDFRef), children: read(item.get(PDFName.of('First'))) });
    }
    return out;
  };
  const outlines = lookup(pdf.catalog.get(PDFName.of('Outlines')));
  return outlines ? read(outlines.get(PDFName.of('First'))) : [];
}

/** Page sizes in points. */
export async function pageSizes(bytes: Uint8Array): Promise<{ width: number; height: number }[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return pdf.getPages().map((p) => p.getSize());
}

/** Internal links (GoTo destinations) on the given pages: the 0-based page each one jumps to. */
export async function linkTargets(bytes: Uint8Array, pageIndexes: number[]): Promise<number[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = pdf.getPages();
  const refs = pages.map((p) => p.ref);
  const targets: number[] = [];
  for (const index of pageIndexes) {
    const annots = pages[index]!.node.Annots();
    for (let i = 0; annots && i < annots.size(); i++) {
      const dest = annots.lookup(i, PDFDict).lookupMaybe(PDFName.of('Dest'), PDFArray);
      if (dest) targets.push(refs.indexOf(dest.get(0) as PDFRef));
    }
  }
  return targets;
}
