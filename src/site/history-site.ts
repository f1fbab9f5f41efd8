/**
 * The history, point-in-time and register data for the site, read once per build: the document set,
 * its graph and one pass over the Git log (`readRepositoryHistory`). Pages and the document header
 * read it from here.
 */
import { buildGraph } from '../graph/build-graph.ts';
import { readRepositoryHistory, type RepositoryHistory } from '../history/document-history.ts';
import { buildRegister, type RegisterRow } from '../history/register.ts';
import { isCalendarDate } from '../model/calendar-date.ts';
import type { DocumentType } from '../model/document-types.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocumentSet, shardedParseCache, type DocumentSet } from '../model/load.ts';
import { parserVersion } from '../model/parser-version.ts';
import { documentPath } from '../render/urls.ts';
import { auditDocuments, presetDates, type AuditDocument } from './history-audit.ts';
import { historyPageView, type CommitView, type HistoryPageView } from './history-view.ts';

/** Everything the history, audit and register pages need. */
export interface HistorySite {
  history: RepositoryHistory;
  /** The build date (今天): SHOUKONG_TODAY or the UTC date. */
  today: string;
  /** History pages of published documents, by number; empty when Git history is unavailable. */
  pages: Map<string, HistoryPageView>;
  audit: AuditDocument[];
  presets: string[];
  register: RegisterRow[];
  /** Document page path by number, for links from the register and the audit table. */
  hrefOf: (number: string) => string | undefined;
}

/** Kept on globalThis so that every page chunk of the Astro build shares one read. */
const cache = globalThis as { shoukongHistorySite?: { key: string; set: DocumentSet; value: HistorySite } };

/** The set `npm run build` already loaded and checked, when it hands one over (see load-site.ts). */
function handedOverSet(root: string): DocumentSet | undefined {
  const set = (globalThis as Record<symbol, unknown>)[Symbol.for('shoukong.loadedDocumentSet')] as DocumentSet | undefined;
  return set?.root === root ? set : undefined;
}

/** Where content and .git live during a build: SHOUKONG_CONTENT_ROOT (set by buildSite) or the working directory. */
export function historyRoot(): string {
  return process.env.SHOUKONG_CONTENT_ROOT || process.cwd();
}

/** The build date: SHOUKONG_TODAY (YYYY-MM-DD, for reproducible builds and tests) or today in UTC; build.ts refuses an invalid one. */
export function buildToday(): string {
  const fixed = process.env.SHOUKONG_TODAY;
  return fixed && isCalendarDate(fixed) ? fixed : new Date().toISOString().slice(0, 10);
}

/** Reads (once per root and process) the history data of the site. */
export function historySite(root = historyRoot()): HistorySite {
  const key = `${root}\0${buildToday()}`;
  const handed = handedOverSet(root);
  const memo = cache.shoukongHistorySite;
  if (memo?.key === key && (!handed || memo.set === handed)) return memo.value;
  const set = handed ?? loadDocumentSet(root, { cache: shardedParseCache(join(root, '.cache/shoukong'), parserVersion()) });
  const value = readHistorySite(root, set);
  cache.shoukongHistorySite = { key, set, value };
  // The build output says so too when the history is incomplete (shallow clone) or missing.
  if (value.history.notice) console.warn(`版本历史：${value.history.notice}`);
  return value;
}

function readHistorySite(root: string, set: DocumentSet): HistorySite {
  const graph = buildGraph(set);
  const history = historyAtTop(root);
  const today = buildToday();
  const typeOf = new Map<string, DocumentType>();
  for (const doc of set.documents) if (doc.type && doc.data.number && doc.data.title && doc.data.status) typeOf.set(doc.data.number, doc.type);
  const published = (number: string) => {
    const type = typeOf.get(number);
    return type ? { type } : undefined;
  };
  const pages = new Map<string, HistoryPageView>();
  if (history.available) {
    for (const doc of set.documents) {
      const number = doc.data.number;
      const docHistory = history.byPath.get(doc.path);
      if (number && docHistory && typeOf.has(number)) pages.set(number, historyPageView(docHistory, typeOf.get(number)));
    }
  }
  const audit = auditDocuments(history, published);
  const organization = set.organization.data;
  return {
    history,
    today,
    pages,
    audit,
    presets: presetDates(audit, today),
    register: organization ? buildRegister(set, graph, organization, history, today) : [],
    hrefOf: (number) => {
      const type = typeOf.get(number);
      return type ? documentPath(type, number) : undefined;
    },
  };
}

/**
 * The Git history when `root` is the top of its repository. Paths in the log are relative to the top,
 * so a content root inside another repository (a generated set under .cache/) has no history of its own.
 */
function historyAtTop(root: string): RepositoryHistory {
  if (existsSync(join(root, '.git'))) return readRepositoryHistory(root);
  return { available: false, shallow: false, documents: [], byPath: new Map(), byNumber: new Map(), gitProcesses: 0, notice: `${root} 不是 Git 仓库的根目录，无法给出版本历史；修订记录仍可在各文件页查看。` };
}

/** 最近变更 of a published document for its page header, with the link to its history page. */
export function lastChangeOf(number: string): { commit: CommitView; historyHref: string; versionHref: string } | undefined {
  const page = historySite().pages.get(number);
  const last = page?.lastChange;
  const newest = page?.versions[0];
  return page && last && newest ? { commit: last, historyHref: page.historyHref, versionHref: `${page.historyHref}#${newest.anchor}` } : undefined;
}
