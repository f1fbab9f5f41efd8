/**
 * Which document and history pages this build renders (see build/incremental.ts): the build reuses
 * the others from the previous site, so their routes leave them out of getStaticPaths. Handed over
 * through globalThis, as the document set is (load-site.ts): the pages are another module instance.
 * Kept apart from incremental.ts so that pages importing this bundle nothing else.
 */

/** The pages one build renders; `build` is that build's id (see buildIdDefine). */
export interface PageSelection {
  build: string;
  /** Site paths such as /procedures/jmi-cx-13/. */
  paths: ReadonlySet<string>;
}

/** Where the selection lives on globalThis. */
const selectionKey = Symbol.for('shoukong.pageSelection');
const shared = globalThis as Record<symbol, unknown>;

/**
 * The Vite define that gives each build's pages its own id (import.meta.env.SHOUKONG_BUILD_ID). It
 * also makes each build's server bundle differ from the last one: Node keeps an imported bundle by
 * its URL, and Astro's bundle keeps the getStaticPaths results it computed, so a second build in
 * the same process with an identical bundle would render the first build's selection.
 */
export function buildIdDefine(build: string): Record<string, string> {
  return { 'import.meta.env.SHOUKONG_BUILD_ID': JSON.stringify(build) };
}

/** Sets the pages to render; undefined renders every page. */
export function handOverPageSelection(selection: PageSelection | undefined): void {
  shared[selectionKey] = selection;
}

/** Whether the build `build` renders the page at this site path (every page unless it handed over a selection). */
export function pageSelected(path: string, build: string | undefined): boolean {
  const selection = shared[selectionKey] as PageSelection | undefined;
  return !selection || selection.build !== build || selection.paths.has(path);
}
