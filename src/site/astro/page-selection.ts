/**
 * Which document and history pages a build renders (see build/incremental.ts): the build reuses the
 * others from the previous site, so their routes leave them out of getStaticPaths. The selection
 * comes with the build's input (build-input.ts).
 */
import { buildInput } from './build-input.ts';

/**
 * The Vite define that gives each build's pages its own id (import.meta.env.SHOUKONG_BUILD_ID). It
 * also makes each build's server bundle differ from the last one: Node keeps an imported bundle by
 * its URL, and Astro's bundle keeps the getStaticPaths results it computed, so a second build in
 * the same process with an identical bundle would render the first build's selection.
 */
export function buildIdDefine(build: string): Record<string, string> {
  return { 'import.meta.env.SHOUKONG_BUILD_ID': JSON.stringify(build) };
}

/** Whether the build `build` renders the page at this site path (every page unless its input selects some). */
export function pageSelected(path: string, build: string | undefined): boolean {
  const selection = buildInput().pages;
  return !selection || selection.build !== build || selection.paths.has(path);
}
