/** Loads the document set once per build and renders every body to inert HTML for the site. */
import { join } from 'node:path';
import { inForceTodayOf, type InForceToday } from '../../history/in-force-today.ts';
import { deepFreeze } from '../../model/deep-freeze.ts';
import { loadDocumentSet, type DocumentSet } from '../../model/load.ts';
import { hashOf, takeBodyTree } from '../../model/parse-file.ts';
import { bodyOf, renderBody, type RenderedBody } from '../../render/body-html.ts';
import { flowchartCacheDir, flowchartKey, renderFlowcharts } from '../../render/mermaid.ts';
import { flowchartSlot } from './flowchart-slots.ts';
import { buildInput, rememberSite, siteMemo, type BuildInput, type SiteMemo } from './build-input.ts';
import { buildSiteModel, siteModelKey, type SiteModel } from '../view/site-model.ts';

/** The site model, and how to render one document's body (lazily, so unchanged documents are skipped). */
export interface LoadedSite extends SiteModel {
  /** Renders the body of a document to inert HTML, with links resolved and flowcharts as slots. */
  renderBodyOf(number: string): RenderedBody;
  /**
   * A digest of everything a document's page is made from, computed once: its page data, and what
   * its body is rendered from (its bytes, the titles and states it cites, its flowcharts). The content
   * loader's digest, the page's key, the search index's key.
   */
  pageDigest(number: string): string;
  /** A digest of a document's page data (its DocView), computed once: part of its page digest, and its page's shell key. */
  pageDataDigest(number: string): string;
  /** The key of everything the site model is made from (siteModelKey). */
  modelKey: string;
  /** The SVG of a flowchart by its key, for the slots in rendered bodies (see flowchart-slots.ts). */
  flowchartSvg(key: string): string | undefined;
}

/**
 * Loads (once per root, set and date, in this process) the site model and bodies; flowcharts come from
 * the shared cache. `from` is what the build handed over (build-input.ts): its set, when it is of this
 * root, is used instead of loading the files again, and its date decides what is in force.
 */
export function loadSite(root: string, projectRoot = process.cwd(), from: Pick<BuildInput, 'set' | 'today'> = buildInput()): Promise<LoadedSite> {
  const set = from.set?.root === root ? from.set : undefined;
  const memo = siteMemo();
  // A memo made from an older hand-over is stale once the build hands over a newer set.
  if (memo?.root === root && memo.today === from.today && (!set || memo.set === set)) return memo.promise;
  return remember({ root, set, today: from.today, promise: loadFromSet(projectRoot, set ?? loadDocumentSet(root), from.today) });
}

/** Makes `memo` the process's loaded site, noting the site itself once it is ready. */
function remember(memo: SiteMemo): Promise<LoadedSite> {
  rememberSite(memo);
  memo.promise.then((site) => (memo.loaded = site), () => undefined);
  return memo.promise;
}

/**
 * Replaces the process's loaded site with one made from a newer document set (dev mode, after a
 * content file changed); bodies are rendered again lazily, flowcharts come from the shared cache.
 */
export function reloadSite(root: string, projectRoot: string, set: DocumentSet, today?: string): Promise<LoadedSite> {
  return remember({ root, set, today, promise: loadFromSet(projectRoot, set, today) });
}

/**
 * The site model this process made last, with its key (siteModelKey) and the digests of its page
 * data: a rebuild after edits to bodies' prose alone (npm run build -- --watch, the dev preview)
 * takes it as it is instead of making thousands of views again. Only the views are kept, plain data
 * that no build changes (frozen when a second build takes them); the set and the rendered bodies are not.
 */
let lastModel: { key: string; model: SiteModel; pageDataDigests: Map<string, string> } | undefined;

/** The site model of a set as in force, the one made last when its inputs are the same. */
function siteModelOf(inForce: InForceToday): { key: string; model: SiteModel; pageDataDigests: Map<string, string> } {
  const key = siteModelKey(inForce.set, inForce.decisionOf);
  if (lastModel?.key === key) deepFreeze(lastModel.model);
  else lastModel = { key, model: buildSiteModel(inForce.set, inForce.decisionOf), pageDataDigests: new Map() };
  return lastModel;
}

async function loadFromSet(projectRoot: string, loaded: DocumentSet, today: string | undefined): Promise<LoadedSite> {
  // Pages show what is in force on the build date: a revision approved for later is not shown as 现行.
  const inForce = inForceTodayOf(loaded, today);
  const set = inForce.set;
  const { key: modelKey, model, pageDataDigests } = siteModelOf(inForce);
  const codes = model.documents.flatMap((d) => d.mermaid);
  const svgs = codes.length > 0 ? await renderFlowcharts(codes, { cacheDir: join(projectRoot, flowchartCacheDir) }) : new Map<string, string>();
  const docOf = new Map(set.documents.map((d) => [d.data.number, d]));
  const byKey = new Map([...svgs].map(([code, svg]) => [flowchartKey(code), svg]));
  const bodies = new Map<string, RenderedBody>();
  const pageDigests = new Map<string, string>();
  const pageDataDigest = (number: string): string => {
    let digest = pageDataDigests.get(number);
    if (digest === undefined) pageDataDigests.set(number, (digest = hashOf(JSON.stringify(model.byNumber.get(number)))));
    return digest;
  };
  const resolve = (number: string) => {
    const target = model.byNumber.get(number);
    return target ? { href: target.href, title: target.title, obsolete: target.status === 'obsolete' } : undefined;
  };
  const renderBodyOf = (number: string): RenderedBody => {
    let body = bodies.get(number);
    if (!body) {
      const doc = docOf.get(number)!;
      const file = doc.file;
      const text = bodyOf(inForce.textOf(doc));
      // The tree the check parsed, when the build kept it and it is of this very text.
      const kept = takeBodyTree(file);
      body = renderBody(kept?.body === text ? kept.tree : text, { resolve, flowchart: (code) => (svgs.has(code) ? flowchartSlot(code) : undefined), documentPath: file.path });
      bodies.set(number, body);
    }
    return body;
  };
  return {
    ...model,
    modelKey,
    renderBodyOf,
    pageDigest(number) {
      let digest = pageDigests.get(number);
      if (digest === undefined) {
        const file = docOf.get(number)!.file;
        const refs = file.body.refs.map((r) => {
          const target = resolve(r.target);
          return target ? `${r.target} ${target.href} ${target.title} ${target.obsolete}` : r.target;
        });
        const flowcharts = file.body.mermaid.filter((m) => svgs.has(m.code)).map((m) => flowchartKey(m.code));
        digest = hashOf(`${pageDataDigest(number)}\0${file.hash}\0${JSON.stringify(refs)}\0${JSON.stringify(flowcharts)}`);
        pageDigests.set(number, digest);
      }
      return digest;
    },
    pageDataDigest,
    flowchartSvg: (key) => byKey.get(key),
  };
}
