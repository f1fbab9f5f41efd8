/**
 * What a printed document was made from besides its own file: every answer the print context gave
 * while its HTML was built (a cited document's title and status, a department's full name, the
 * institution), and whether any file it was made from has uncommitted changes. Recorded when the
 * document is printed and replayed on the next run without building its HTML: when the file, the
 * print code and every recorded answer are unchanged, so is the PDF.
 */
import { organizationPath, type ControlledDocument, type DocumentSet } from '../model/load.ts';
import type { PrintContext } from './print-context.ts';

/** One answer the context gave: what was asked, about what, and the answer as text. */
export type PrintInput = [question: 'resolve' | 'department' | 'institution' | 'uncommitted' | 'body' | 'control' | 'image' | 'approval', about: string, answer: string];

/** Stands for the commit stamp while the page is built; replaced once every file it read is known. */
const stampPlaceholder = 'SHOUKONG-COMMIT-STAMP';

/** A print page built through `recordingContext`: its HTML and what it was made from. */
export interface RecordedPage {
  html: string;
  inputs: PrintInput[];
}

/**
 * A context that answers like `ctx` and writes down every question and answer. `finish` puts the
 * commit stamp into the page: 未提交 when the page differs from what the commit would print (its
 * own file has changes, the organisation file it read has changes, or a cited document's changes
 * alter what the page shows of it), so a paper copy never claims a commit it was not printed from.
 * The commit itself is not an input: a PDF whose inputs are unchanged is the one a later commit
 * would print, and keeps the stamp of the commit it was printed at.
 */
export function recordingContext(ctx: PrintContext): { ctx: PrintContext; finish(html: string): RecordedPage } {
  const seen = new Map<string, PrintInput>();
  const note = (input: PrintInput) => seen.set(`${input[0]}\0${input[1]}`, input);
  let own: string | undefined;
  const recording: PrintContext = {
    ...ctx,
    get institution() {
      note(['institution', '', ctx.institution]);
      return ctx.institution;
    },
    commitOf(doc) {
      own = doc.path;
      return stampPlaceholder;
    },
    departmentName(ref) {
      const name = ctx.departmentName(ref);
      note(['department', ref, name]);
      return name;
    },
    resolve(number) {
      const found = ctx.resolve(number);
      note(['resolve', number, found ? JSON.stringify(found) : '']);
      return found;
    },
    bodyText(doc) {
      note(['body', doc.path, doc.file.hash]);
      return ctx.bodyText(doc);
    },
    // The 受控 stamp and status change on the date a version takes effect, with no file changing.
    // A new approvals record changes the printed evidence line with the document's file unchanged.
    approval(doc) {
      const answer = ctx.approval(doc);
      note(['approval', doc.path, answer ?? '']);
      return answer;
    },
    control(doc) {
      const answer = ctx.control(doc);
      note(['control', doc.path, JSON.stringify(answer)]);
      return answer;
    },
    image(doc, src) {
      const found = ctx.image(doc, src);
      note(['image', JSON.stringify([doc.path, src]), found?.hash ?? '']);
      return found;
    },
  };
  return {
    ctx: recording,
    finish(html) {
      const uncommitted = pageUncommitted(own ?? '', [...seen.values()], ctx);
      note(['uncommitted', own ?? '', String(uncommitted)]);
      const inputs = [...seen.values()].sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1));
      return { html: html.replaceAll(stampPlaceholder, ctx.stamp(uncommitted)), inputs };
    },
  };
}

/** True when a page made from these inputs differs from what the commit would print. */
function pageUncommitted(own: string, inputs: PrintInput[], ctx: PrintContext): boolean {
  if (own && ctx.uncommitted(own)) return true;
  return inputs.some(([question, about]) => {
    switch (question) {
      case 'institution':
      case 'department':
        return ctx.uncommitted(organizationPath);
      case 'resolve':
        return JSON.stringify(ctx.resolve(about)) !== JSON.stringify(ctx.resolveAtCommit(about));
      default:
        return false;
    }
  });
}

/** True when `ctx` (for `set`) gives every recorded answer again. */
export function inputsHold(inputs: PrintInput[], ctx: PrintContext, set: DocumentSet): boolean {
  return inputs.every(([question, about, answer]) => {
    switch (question) {
      case 'institution':
        return ctx.institution === answer;
      case 'department':
        return ctx.departmentName(about) === answer;
      case 'resolve': {
        const found = ctx.resolve(about);
        return (found ? JSON.stringify(found) : '') === answer;
      }
      case 'uncommitted':
        return String(pageUncommitted(about, inputs, ctx)) === answer;
      case 'body':
        return documentAt(set, about)?.file.hash === answer;
      case 'control': {
        const doc = documentAt(set, about);
        return !!doc && JSON.stringify(ctx.control(doc)) === answer;
      }
      case 'approval': {
        const doc = documentAt(set, about);
        return !!doc && (ctx.approval(doc) ?? '') === answer;
      }
      case 'image': {
        const [path, src] = JSON.parse(about) as [string, string];
        const doc = documentAt(set, path);
        return doc !== undefined && (ctx.image(doc, src)?.hash ?? '') === answer;
      }
      default:
        return false;
    }
  });
}

const byPath = new WeakMap<DocumentSet, Map<string, ControlledDocument>>();

/** The document at `path`, through a path index built once per set. */
function documentAt(set: DocumentSet, path: string): ControlledDocument | undefined {
  let index = byPath.get(set);
  if (!index) byPath.set(set, (index = new Map(set.documents.map((d) => [d.path, d]))));
  return index.get(path);
}
