/** PDF bookmarks (书签/大纲) written with pdf-lib's low-level objects, which it has no API for. */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFRef } from 'pdf-lib';
import { pdfMetadataText } from './html.ts';

/** One bookmark: a title, the 0-based page it opens, and nested bookmarks. */
export interface OutlineItem {
  title: string;
  pageIndex: number;
  children?: OutlineItem[];
}

/** Replaces the document's outline with `items`; top-level groups open, documents closed. */
export function setOutline(pdf: PDFDocument, items: OutlineItem[]): void {
  const context = pdf.context;
  const pages = pdf.getPages();
  const rootRef = context.nextRef();

  const build = (list: OutlineItem[], parent: PDFRef, open: boolean): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = list.map(() => context.nextRef());
    let visible = 0;
    list.forEach((item, i) => {
      const page = pages[Math.min(item.pageIndex, pages.length - 1)]!;
      const dest = PDFArray.withContext(context);
      dest.push(page.ref);
      dest.push(PDFName.of('XYZ'));
      dest.push(PDFNull);
      dest.push(PDFNull);
      dest.push(PDFNull);
      const dict = PDFDict.withContext(context);
      dict.set(PDFName.of('Title'), PDFHexString.fromText(pdfMetadataText(item.title)));
      dict.set(PDFName.of('Parent'), parent);
      dict.set(PDFName.of('Dest'), dest);
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < list.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (item.children?.length) {
        const sub = build(item.children, refs[i]!, false);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        // A negative count means the item starts closed.
        dict.set(PDFName.of('Count'), PDFNumber.of(open ? sub.count : -sub.count));
        if (open) visible += sub.count;
      }
      context.assign(refs[i]!, dict);
      visible += 1;
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, count: visible };
  };

  if (items.length === 0) return;
  const top = build(items, rootRef, true);
  const root = PDFDict.withContext(context);
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), top.first);
  root.set(PDFName.of('Last'), top.last);
  root.set(PDFName.of('Count'), PDFNumber.of(top.count));
  context.assign(rootRef, root);
  pdf.catalog.set(PDFName.of('Outlines'), rootRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
