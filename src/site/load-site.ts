/** Loads the document set once per build and renders every body to inert HTML for the site. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocumentSet } from '../model/load.ts';
import { bodyOf, renderBody, type RenderedBody } from '../render/body-html.ts';
import { flowchartCacheDir, renderFlowcharts } from '../render/mermaid.ts';
import { buildSiteModel, type SiteModel } from './site-model.ts';

/** The site model with each document's rendered body, keyed by document number. */
export interface LoadedSite extends SiteModel {
  bodies: Map<string, RenderedBody>;
}

let memo: { root: string; promise: Promise<LoadedSite> } | undefined;

/** Where the content lives: SHOUKONG_CONTENT_ROOT (used by the benchmark and tests) or the project root. */
export function contentRootOf(projectRoot: string): string {
  return process.env.SHOUKONG_CONTENT_ROOT || projectRoot;
}

/** Loads (once per root and process) the site model and bodies; flowcharts come from the shared cache. */
export function loadSite(root: string, projectRoot = process.cwd()): Promise<LoadedSite> {
  if (memo?.root !== root) memo = { root, promise: loadSiteNow(root, projectRoot) };
  return memo.promise;
}

async function loadSiteNow(root: string, projectRoot: string): Promise<LoadedSite> {
  const set = loadDocumentSet(root);
  const model = buildSiteModel(set);
  const codes = model.documents.flatMap((d) => d.mermaid);
  const svgs = codes.length > 0 ? await renderFlowcharts(codes, { cacheDir: join(projectRoot, flowchartCacheDir) }) : new Map<string, string>();
  const bodies = new Map<string, RenderedBody>();
  const pathOf = new Map(set.documents.map((d) => [d.data.number, d.path]));
  for (const doc of model.documents) {
    const text = readFileSync(join(root, pathOf.get(doc.number)!), 'utf8');
    bodies.set(
      doc.number,
      renderBody(bodyOf(text), {
        resolve(number) {
          const target = model.byNumber.get(number);
          return target ? { href: target.href, title: target.title, obsolete: target.status === 'obsolete' } : undefined;
        },
        flowchart: (code) => svgs.get(code),
      }),
    );
  }
  return { ...model, bodies };
}
