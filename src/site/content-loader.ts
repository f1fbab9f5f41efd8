/** The Astro content loaders (content layer) that put the Shoukong model into the site's collections. */
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { contentRootOf, loadSite } from './load-site.ts';

/** Collection `documents`: one entry per document, id = its path without slashes at the ends (procedures/jmi-cx-13). */
export function documentsLoader(): Loader {
  return {
    name: 'shoukong-documents',
    async load({ store, config, logger }) {
      const projectRoot = fileURLToPath(config.root);
      const site = await loadSite(contentRootOf(projectRoot), projectRoot);
      store.clear();
      for (const doc of site.documents) {
        const body = site.bodies.get(doc.number)!;
        store.set({ id: doc.id, data: { ...doc }, rendered: { html: body.html, metadata: { headings: body.headings.map((h) => ({ depth: h.depth, slug: h.id, text: h.text })) } } });
      }
      logger.info(`载入 ${site.documents.length} 份受控文件`);
    },
  };
}

/** Collection `site`: one entry `site` with the home page, departments, matrices and coverage. */
export function siteLoader(): Loader {
  return {
    name: 'shoukong-site',
    async load({ store, config }) {
      const projectRoot = fileURLToPath(config.root);
      const site = await loadSite(contentRootOf(projectRoot), projectRoot);
      store.clear();
      store.set({ id: 'site', data: { ...site.site } });
    },
  };
}
