/** The Astro content loaders (content layer) that put the Shoukong model into the site's collections. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { contentRootOf, loadSite } from './load-site.ts';

/** The body renderer's own source: when it changes, every stored body is rendered again. */
function bodyRendererVersion(projectRoot: string): string {
  try {
    return readFileSync(join(projectRoot, 'src/render/body-html.ts'), 'utf8');
  } catch {
    return String(Date.now());
  }
}

/**
 * Collection `documents`: one entry per document, id = its path without slashes at the ends
 * (procedures/jmi-cx-13). A document whose data and body inputs did not change since the last build
 * keeps its stored HTML (Astro keeps the store in its cache folder), as Astro's own loaders do.
 */
export function documentsLoader(): Loader {
  return {
    name: 'shoukong-documents',
    async load({ store, config, logger, generateDigest }) {
      const projectRoot = fileURLToPath(config.root);
      const started = performance.now();
      const site = await loadSite(contentRootOf(projectRoot), projectRoot);
      const renderer = bodyRendererVersion(projectRoot);
      const ids = new Set<string>();
      let rendered = 0;
      for (const doc of site.documents) {
        ids.add(doc.id);
        const digest = generateDigest({ renderer, doc: JSON.stringify(doc), body: JSON.stringify(site.bodyInputs(doc.number)) });
        if (store.get(doc.id)?.digest === digest) continue;
        const body = site.renderBodyOf(doc.number);
        rendered++;
        store.set({ id: doc.id, digest, data: { ...doc }, rendered: { html: body.html, metadata: { headings: body.headings.map((h) => ({ depth: h.depth, slug: h.id, text: h.text })) } } });
      }
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      logger.info(`载入 ${site.documents.length} 份受控文件（重新渲染正文 ${rendered} 份），用时 ${Math.round(performance.now() - started)} 毫秒`);
    },
  };
}

/** Collection `site`: entry `site` with the home page, departments, matrices and coverage; entry `meta` with the institution. */
export function siteLoader(): Loader {
  return {
    name: 'shoukong-site',
    async load({ store, config, generateDigest }) {
      const projectRoot = fileURLToPath(config.root);
      const site = await loadSite(contentRootOf(projectRoot), projectRoot);
      store.set({ id: 'site', data: { ...site.site }, digest: generateDigest(JSON.stringify(site.site)) });
      // The small part every page's header needs, apart from the large matrices.
      store.set({ id: 'meta', data: { institution: site.site.institution }, digest: generateDigest(JSON.stringify(site.site.institution)) });
    },
  };
}
