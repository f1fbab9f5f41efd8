/** Loads the document set once per build and renders every body to inert HTML for the site. */
import { join } from 'node:path';
import { inForceTodayOf } from '../../history/in-force-today.ts';
import { loadDocumentSet, type DocumentSet } from '../../model/load.ts';
import { takeBodyTree } from '../../model/parse-file.ts';
import { bodyOf, renderBody, type RenderedBody } from '../../render/body-html.ts';
import { flowchartCacheDir, flowchartKey, renderFlowcharts } from '../../render/mermaid.ts';
import { flowchartSlot } from './flowchart-slots.ts';
import { siteMemoKey, type SiteMemo } from './loaded-site.ts';
import { buildSiteModel, type SiteModel } from '../view/site-model.ts';

/** The site model, and how to render one document's body (lazily, so unchanged documents are skipped). */
export interface LoadedSite extends SiteModel {
  /** Renders the body of a document to inert HTML, with links resolved and flowcharts as slots. */
  renderBodyOf(number: string): RenderedBody;
  /**
   * Everything a document's page is made from, as text, computed once: its page data, and what its
   * body is rendered from (its bytes, the titles and states it cites, its flowcharts). The content
   * loader's digest and the search index's key.
   */
  pageInputs(number: string): string;
  /** The SVG of a flowchart by its key, for the slots in rendered bodies (see flowchart-slots.ts). */
  flowchartSvg(key: string): string | undefined;
}

// One loaded site per process, shared by the build script, the Astro loaders and the pages (see loaded-site.ts).
const shared = globalThis as Record<symbol, unknown>;

/** A set the build script already loaded (and checked), handed to the content loader in the same process. */
const handoffKey = Symbol.for('shoukong.loadedDocumentSet');

/** Lets the content loader reuse a document set loaded by the build instead of parsing every file again. */
export function handOverDocumentSet(set: DocumentSet | undefined): void {
  shared[handoffKey] = set;
}

/** A memo made from an older hand-over is stale once the build hands over a newer set. */
function handedOverFresh(memo: NonNullable<SiteMemo>, root: string): boolean {
  const set = handedOver(root);
  return !set || memo.set === set;
}

function handedOver(root: string): DocumentSet | undefined {
  const set = shared[handoffKey] as DocumentSet | undefined;
  return set?.root === root ? set : undefined;
}

/** Where the content lives: SHOUKONG_CONTENT_ROOT (used by the benchmark and tests) or the project root. */
export function contentRootOf(projectRoot: string): string {
  return process.env.SHOUKONG_CONTENT_ROOT || projectRoot;
}

/** Loads (once per root and process) the site model and bodies; flowcharts come from the shared cache. */
export function loadSite(root: string, projectRoot = process.cwd()): Promise<LoadedSite> {
  let memo = shared[siteMemoKey] as SiteMemo;
  if (memo?.root !== root || !handedOverFresh(memo, root)) {
    const set = handedOver(root);
    memo = remember({ root, set, promise: loadFromSet(root, projectRoot, set ?? loadDocumentSet(root)) });
  }
  return memo.promise;
}

/** Makes `memo` the process's loaded site, noting the site itself once it is ready. */
function remember(memo: NonNullable<SiteMemo>): NonNullable<SiteMemo> {
  shared[siteMemoKey] = memo;
  memo.promise.then((site) => (memo.loaded = site), () => undefined);
  return memo;
}


/**
 * Replaces the process's loaded site with one made from a newer document set (dev mode, after a
 * content file changed); bodies are rendered again lazily, flowcharts come from the shared cache.
 */
export function reloadSite(root: string, projectRoot: string, set: DocumentSet): Promise<LoadedSite> {
  return remember({ root, set, promise: loadFromSet(root, projectRoot, set) }).promise;
}

async function loadFromSet(root: string, projectRoot: string, loaded: DocumentSet): Promise<LoadedSite> {
  // Pages show what is in force on the build date: a revision approved for later is not shown as 现行.
  const inForce = inForceTodayOf(loaded);
  const set = inForce.set;
  const model = buildSiteModel(set, inForce.decisionOf);
  const codes = model.documents.flatMap((d) => d.mermaid);
  const svgs = codes.length > 0 ? await renderFlowcharts(codes, { cacheDir: join(projectRoot, flowchartCacheDir) }) : new Map<string, string>();
  const docOf = new Map(set.documents.map((d) => [d.data.number, d]));
  const byKey = new Map([...svgs].map(([code, svg]) => [flowchartKey(code), svg]));
  const bodies = new Map<string, RenderedBody>();
  const pageInputs = new Map<string, string>();
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
    renderBodyOf,
    pageInputs(number) {
      let inputs = pageInputs.get(number);
      if (inputs === undefined) {
        const file = docOf.get(number)!.file;
        const refs = file.body.refs.map((r) => {
          const target = resolve(r.target);
          return target ? `${r.target} ${target.href} ${target.title} ${target.obsolete}` : r.target;
        });
        const flowcharts = file.body.mermaid.filter((m) => svgs.has(m.code)).map((m) => flowchartKey(m.code));
        inputs = JSON.stringify([model.byNumber.get(number), file.hash, refs, flowcharts]);
        pageInputs.set(number, inputs);
      }
      return inputs;
    },
    flowchartSvg: (key) => byKey.get(key),
  };
}
