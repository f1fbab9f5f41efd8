/** The site's collections, filled from the Shoukong model by custom loaders (content MDX is never compiled). */
import { defineCollection } from 'astro/content/config';
import { documentsLoader, findingsLoader, siteLoader } from './site/astro/content-loader.ts';

export const collections = {
  documents: defineCollection({ loader: documentsLoader() }),
  site: defineCollection({ loader: siteLoader() }),
  // Check findings per file, filled in `npm run dev` only (empty in a build).
  findings: defineCollection({ loader: findingsLoader() }),
};
