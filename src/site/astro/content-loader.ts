/**
 * The Astro content loaders (content layer) that put the Shoukong model into the site's collections.
 * In `astro build` they load once. In `astro dev` (the loader context has a `watcher`) they follow the
 * content files: a save re-loads that document, re-runs the check on the whole set and updates the
 * stored entries, and Astro reloads the open page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { findingsSummaryId, totalFindings } from '../dev/dev-findings.ts';
import { devSession, type ContentEvent, type DevSnapshot } from '../dev/dev-session.ts';
import { buildInput } from './build-input.ts';
import { loadSite, type LoadedSite } from './load-site.ts';

/** The body renderer's own source: when it changes, every stored body is rendered again. */
function bodyRendererVersion(projectRoot: string): string {
  try {
    return readFileSync(join(projectRoot, 'src/render/body-html.ts'), 'utf8');
  } catch {
    return String(Date.now());
  }
}

/** Puts every document of the site into the store, rendering only bodies whose inputs changed; returns how many were rendered. */
function storeDocuments({ store, generateDigest }: LoaderContext, site: LoadedSite, renderer: string): number {
  const ids = new Set<string>();
  let rendered = 0;
  for (const doc of site.documents) {
    ids.add(doc.id);
    const digest = generateDigest({ renderer, inputs: site.pageDigest(doc.number) });
    if (store.get(doc.id)?.digest === digest) continue;
    const body = site.renderBodyOf(doc.number);
    rendered++;
    store.set({ id: doc.id, digest, data: { ...doc }, rendered: { html: body.html, metadata: { headings: body.headings.map((h) => ({ depth: h.depth, slug: h.id, text: h.text })) } } });
  }
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  return rendered;
}

/** Puts the home page, departments and matrices into the store. */
function storeSite({ store, generateDigest }: LoaderContext, site: LoadedSite): void {
  store.set({ id: 'site', data: { ...site.site }, digest: generateDigest(JSON.stringify(site.site)) });
  // The small part every page's header needs, apart from the large matrices.
  store.set({ id: 'meta', data: { institution: site.site.institution }, digest: generateDigest(JSON.stringify(site.site.institution)) });
}

/** Puts the findings of each file into the store; a file whose findings are gone loses its entry. */
function storeFindings({ store, generateDigest }: LoaderContext, snapshot: DevSnapshot): void {
  // Always one entry, so the collection is never empty: the totals for the banner.
  const summary = { ...totalFindings(snapshot.findings), timings: snapshot.timings };
  store.set({ id: findingsSummaryId, data: summary, digest: generateDigest(JSON.stringify(summary)) });
  const ids = new Set<string>([findingsSummaryId]);
  for (const file of snapshot.findings) {
    ids.add(file.id);
    store.set({ id: file.id, data: { ...file }, digest: generateDigest(JSON.stringify(file)) });
  }
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
}

/**
 * In dev, stores the session's current snapshot, then again after every content file event.
 * Returns false outside dev (no watcher), where the caller loads once.
 */
async function followInDev(context: LoaderContext, update: (snapshot: DevSnapshot) => void, report?: (snapshot: DevSnapshot) => void): Promise<boolean> {
  const { watcher, config, logger } = context;
  if (!watcher) return false;
  const projectRoot = fileURLToPath(config.root);
  const session = devSession(buildInput().contentRoot, projectRoot);
  update(await session.current());
  watcher.add(session.contentFolder);
  const onEvent = (event: ContentEvent) => async (path: string) => {
    const next = session.changed(path, event);
    if (!next) return;
    try {
      const snapshot = await next;
      update(snapshot);
      report?.(snapshot);
    } catch (error) {
      logger.error(`重新载入失败，页面保持上一次的内容：${(error as Error).stack ?? String(error)}`);
    }
  };
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onEvent(event));
  return true;
}

/**
 * Collection `documents`: one entry per document, id = its path without slashes at the ends
 * (procedures/jmi-cx-13). A document whose data and body inputs did not change since the last build
 * keeps its stored HTML (Astro keeps the store in its cache folder), as Astro's own loaders do.
 */
export function documentsLoader(): Loader {
  return {
    name: 'shoukong-documents',
    async load(context) {
      const { config, logger } = context;
      const projectRoot = fileURLToPath(config.root);
      const renderer = bodyRendererVersion(projectRoot);
      const started = performance.now();
      const inDev = await followInDev(
        context,
        (snapshot) => storeDocuments(context, snapshot.site, renderer),
        (snapshot) => {
          const { errors, warnings } = totalFindings(snapshot.findings);
          logger.info(`已更新 ${snapshot.changed.join('、')}：载入 ${snapshot.timings.load} 毫秒，检查 ${snapshot.timings.check} 毫秒；${errors} 个错误，${warnings} 个警告`);
        },
      );
      if (inDev) return;
      const site = await loadSite(buildInput().contentRoot, projectRoot);
      const rendered = storeDocuments(context, site, renderer);
      logger.info(`载入 ${site.documents.length} 份受控文件（重新渲染正文 ${rendered} 份），用时 ${Math.round(performance.now() - started)} 毫秒`);
    },
  };
}

/** Collection `site`: entry `site` with the home page, departments, matrices and coverage; entry `meta` with the institution. */
export function siteLoader(): Loader {
  return {
    name: 'shoukong-site',
    async load(context) {
      if (await followInDev(context, (snapshot) => storeSite(context, snapshot.site))) return;
      const projectRoot = fileURLToPath(context.config.root);
      storeSite(context, await loadSite(buildInput().contentRoot, projectRoot));
    },
  };
}

/**
 * Collection `findings` (检查结果), development only: one entry per file with check findings, id =
 * the document's page id (or the file path). Empty in a build, so nothing of it reaches dist/.
 */
export function findingsLoader(): Loader {
  return {
    name: 'shoukong-findings',
    async load(context) {
      if (await followInDev(context, (snapshot) => storeFindings(context, snapshot))) return;
      context.store.clear();
    },
  };
}
