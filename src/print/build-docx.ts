/**
 * Writes the Word (.docx) controlled copy of every current document into a folder (dist/docx/ on the
 * site, beside dist/pdf/). A copy whose document, code, organisation data, referenced titles,
 * uncommitted state and flowcharts are unchanged is taken from the cache instead of being built
 * again: a commit that does not touch a document does not rebuild its copy.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildToday, inForceTodayOf, type InForceToday } from '../history/in-force-today.ts';
import type { DocumentSet } from '../model/load.ts';
import { slugOf } from '../render/urls.ts';
import { addFlowcharts, printSetup } from './build-pdfs.ts';
import { codeFingerprint } from './code-fingerprint.ts';
import { documentDocx, type FlowchartPng } from './docx-document.ts';
import { flowchartPngs } from './flowchart-png.ts';
import { isPrintable, type PrintableDocument } from './print-context.ts';

/** Cache folder of built copies, relative to the project root. */
export const docxCacheDir = '.cache/shoukong/docx';

/** A document's Word file, relative to the Word folder: jmi-cx-13.docx (the site links /docx/jmi-cx-13.docx). */
export function documentDocxFile(number: string): string {
  return `${slugOf(number)}.docx`;
}

/** Documents that get a Word copy: those in force on the date (现行, as the site and the PDFs decide it). */
export function docxDocuments(inForce: InForceToday): PrintableDocument[] {
  return inForce.set.documents.filter(isPrintable).filter((d) => inForce.decisionOf(d).state === 'in-force');
}

export interface BuildDocxOptions {
  root: string;
  set: DocumentSet;
  /** Folder the .docx files end up in; replaced as a whole when all are written. */
  outDir: string;
  log: (line: string) => void;
  /** Only these numbers (default: every current document). */
  only?: string[];
  cache?: boolean;
  /** The date whose version in force is copied (default buildToday()), as for the PDFs. */
  today?: string;
}

/** Builds the Word copies; returns how many were built and how many came from the cache. */
export async function buildDocx(options: BuildDocxOptions): Promise<{ documents: number; built: number; cached: number }> {
  const { root, outDir, log } = options;
  const started = performance.now();
  // A revision approved for a later date is not copied yet: the version in force is (in-force-today.ts).
  const inForce = inForceTodayOf(options.set, options.today ?? buildToday());
  const set = inForce.set;
  const docs = docxDocuments(inForce).filter((d) => !options.only || options.only.includes(d.data.number));
  const { ctx, flowcharts } = printSetup(root, set, inForce);
  // Everything a copy shows besides its own file: the code, the organisation and every title and status it may cite.
  const shared = createHash('sha1')
    .update(codeFingerprint())
    .update(JSON.stringify(set.organization.data ?? null))
    .update(JSON.stringify(set.documents.map((d) => [d.data.number, d.data.title, d.data.status])))
    .digest('hex');
  // Not the commit itself (as for the PDFs, print-inputs.ts): a copy whose inputs are unchanged is
  // the one a later commit would make, and keeps the stamp of the commit it was made at; only
  // whether its file has uncommitted changes (the 未提交 stamp) is part of the key.
  const keyOf = (doc: PrintableDocument) => {
    const hash = createHash('sha1').update(shared).update(doc.path).update(doc.file.hash).update(String(ctx.uncommitted(doc.path))).update(JSON.stringify(ctx.control(doc)));
    for (const m of doc.file.body.mermaid) hash.update(m.code);
    return hash.digest('hex');
  };
  const cacheDir = join(root, docxCacheDir);
  const useCache = options.cache !== false;
  const staging = join(root, '.cache/shoukong', `docx-out-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  if (useCache) mkdirSync(cacheDir, { recursive: true });
  try {
    const pending = docs.filter((d) => !(useCache && existsSync(join(cacheDir, `${keyOf(d)}.docx`))));
    let pngs = new Map<string, FlowchartPng>();
    if (pending.some((d) => d.file.body.mermaid.length > 0)) {
      await addFlowcharts(root, pending, flowcharts, log);
      const svgs = new Map<string, string>();
      for (const d of pending) for (const m of d.file.body.mermaid) if (flowcharts.has(m.code)) svgs.set(m.code, flowcharts.get(m.code)!);
      pngs = await flowchartPngs(svgs, root, log);
    }
    let built = 0;
    const used = new Set<string>();
    for (const doc of docs) {
      const key = keyOf(doc);
      used.add(`${key}.docx`);
      const cached = join(cacheDir, `${key}.docx`);
      let bytes: Uint8Array;
      if (useCache && existsSync(cached)) bytes = readFileSync(cached);
      else {
        bytes = await documentDocx(doc, ctx, { root, flowchartPng: (code) => pngs.get(code) });
        built++;
        if (useCache) {
          writeFileSync(`${cached}.tmp`, bytes);
          renameSync(`${cached}.tmp`, cached);
        }
      }
      writeFileSync(join(staging, documentDocxFile(doc.data.number)), bytes);
    }
    if (useCache && !options.only) prune(cacheDir, used);
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(dirname(outDir), { recursive: true });
    renameSync(staging, outDir);
    log(`Word 版：${docs.length} 份现行文件（新生成 ${built}，复用缓存 ${docs.length - built}）；用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒 → ${outDir}`);
    return { documents: docs.length, built, cached: docs.length - built };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Removes cached copies no document uses any more, once they are a day old (another build may still want them). */
function prune(dir: string, used: Set<string>): void {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of readdirSync(dir)) {
    if (used.has(name) || !name.endsWith('.docx')) continue;
    const file = join(dir, name);
    if (statSync(file).mtimeMs < dayAgo) rmSync(file, { force: true });
  }
}
