/**
 * withBase for the pages, components and client scripts: the base path Astro builds the site with
 * (its `base` setting, which `npm run build -- --base` sets). Read from Astro's configuration rather
 * than import.meta.env.BASE_URL, which an environment variable of that name would override.
 */
import { base } from 'astro:config/client';
import { prefixBase } from './base-path.ts';

/** The site's base path, '/' or '/zlbz/'. */
export const siteBase: string = base.endsWith('/') ? base : `${base}/`;

/** A root-relative site path (/procedures/jmi-cx-13/) under the site's base path. */
export function withBase(path: string): string {
  return prefixBase(siteBase, path);
}
