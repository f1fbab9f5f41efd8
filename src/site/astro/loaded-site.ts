/**
 * The site this process loaded last, read through a memo on globalThis: the build script, the Astro
 * loaders and the pages are separate module instances of load-site.ts. Kept apart from it so that
 * pages importing this do not bundle the model and its parsers.
 */
import type { DocumentSet } from '../../model/load.ts';
import type { LoadedSite } from './load-site.ts';

export type SiteMemo = { root: string; set: DocumentSet | undefined; promise: Promise<LoadedSite>; loaded?: LoadedSite } | undefined;

/** Where the memo lives on globalThis. */
export const siteMemoKey = Symbol.for('shoukong.loadedSite');

/** The loaded site once ready; pages use it for what the content store does not carry (flowchart SVGs). */
export function loadedSiteNow(): LoadedSite | undefined {
  return ((globalThis as Record<symbol, unknown>)[siteMemoKey] as SiteMemo)?.loaded;
}
