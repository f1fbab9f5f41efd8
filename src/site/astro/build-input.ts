/**
 * What `npm run build` and `npm run dev` hand to the Astro content loaders and pages (the content
 * root, the document set already loaded and checked, the build date, whether PDFs are made), and the
 * little state those share (the loaded site, the dev sessions, whether the dev preview is on).
 *
 * Why a slot on globalThis, and only here: Astro runs inside the build script's process, but it loads
 * astro.config.mjs, the content loaders (content.config.ts) and the page modules through Vite, each as
 * module instances of their own, apart from the build script's and from each other's. A module-level
 * variable the build script sets is not the one a page reads; a process-wide slot is the one thing all
 * of them see. Everything else passes as parameters. test/cli/hidden-channels.test.ts keeps globalThis
 * (and build state in environment variables) out of the rest of src/.
 *
 * Type imports only: pages that read this do not bundle the model and its parsers.
 */
import type { DocumentSet } from '../../model/load.ts';
import type { DevSession } from '../dev/dev-session.ts';
import type { HistorySite } from '../history/history-site.ts';
import type { LoadedSite } from './load-site.ts';

/** What a build (or the dev server) hands over before Astro starts. */
export interface BuildInput {
  /** The folder holding content/ and .git. */
  contentRoot: string;
  /** The set the build loaded and checked; absent in dev, where the loaders load (and reload) it themselves. */
  set?: DocumentSet;
  /** The build date (what pages show as in force, overdue, …); absent: buildToday(), SHOUKONG_TODAY or the local date. */
  today?: string;
  /** Whether the build prints PDFs and Word copies, so that pages may link to them. */
  pdf: boolean;
  /** The document and history pages this build renders (build/incremental.ts); absent: every page. */
  pages?: PageSelection;
  /** The history data the build read from this set (history-site.ts), so that the pages do not read it again. */
  history?: HistorySite;
}

/** The pages one build renders; `build` is that build's id (page-selection.ts). */
export interface PageSelection {
  build: string;
  /** Site paths such as /procedures/jmi-cx-13/. */
  paths: ReadonlySet<string>;
}

/** The site loaded last (see load-site.ts): the build script, the loaders and the pages share one. */
export interface SiteMemo {
  root: string;
  set: DocumentSet | undefined;
  today: string | undefined;
  promise: Promise<LoadedSite>;
  loaded?: LoadedSite;
}

interface SharedState {
  input?: BuildInput;
  site?: SiteMemo;
  devSessions: Map<string, DevSession>;
  devPreview: boolean;
}

const slot = Symbol.for('shoukong.buildState');

function shared(): SharedState {
  const global = globalThis as Record<symbol, SharedState | undefined>;
  return (global[slot] ??= { devSessions: new Map(), devPreview: false });
}

/** Hands the build's input to the loaders and pages of the Astro run that follows; undefined when it is over. */
export function handOverBuildInput(input: BuildInput | undefined): void {
  shared().input = input;
}

/**
 * The input handed over, or, when nothing was (`astro dev` or `astro build` run by hand), the working
 * folder's content without PDFs: the loaders then load the set themselves.
 */
export function buildInput(): BuildInput {
  return shared().input ?? { contentRoot: process.cwd(), pdf: false };
}

/** The memo of the site loaded last (load-site.ts). */
export function siteMemo(): SiteMemo | undefined {
  return shared().site;
}

/** Replaces the memo of the site loaded last; undefined forgets it (a build that is over keeps no site alive). */
export function rememberSite(memo: SiteMemo | undefined): void {
  shared().site = memo;
}

/** The loaded site once ready; pages use it for what the content store does not carry (flowchart SVGs). */
export function loadedSiteNow(): LoadedSite | undefined {
  return shared().site?.loaded;
}

/** The dev preview's sessions by content root (dev-session.ts): every loader follows the same one. */
export function devSessions(): Map<string, DevSession> {
  return shared().devSessions;
}

/**
 * Whether pages show the dev banner and findings panels: only under `astro dev`. Set by the dev
 * integration from Astro's command, not from import.meta.env.DEV, which is also true in a build run
 * under NODE_ENV=test (vitest).
 */
export function devPreviewEnabled(): boolean {
  return shared().devPreview;
}

/** Turns the dev preview on (astro dev) or off (astro build, even in a process that ran a dev server before). */
export function setDevPreview(on: boolean): void {
  shared().devPreview = on;
}
