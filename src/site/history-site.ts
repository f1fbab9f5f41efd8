/**
 * The history, point-in-time and register data for the site, read once per build: the document set,
 * its graph and one pass over the Git log (`readRepositoryHistory`). Pages and the document header
 * read it from here.
 */
import { buildGraph } from '../graph/build-graph.ts';
import { readRepositoryHistory, type RepositoryHistory } from '../history/document-history.ts';
import { buildRegister, type RegisterRow } from '../history/register.ts';
import type { DocumentType } from '../model/document-types.ts';
import { loadDocumentSet } from '../model/load.ts';
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
const cache = globalThis as { shoukongHistorySite?: { root: string; value: HistorySite } };

/** Where content and .git live during a build: SHOUKONG_CONTENT_ROOT (set by buildSite) or the working directory. */
export function historyRoot(): string {
  return process.env.SHOUKONG_CONTENT_ROOT || process.cwd();
}

/** The build date: SHOUKONG_TODAY (YYYY-MM-DD, for reproducible builds and tests) or today in UTC. */
export function buildToday(): string {
  const fixed = process.env.SHOUKONG_TODAY;
  return fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed) ? fixed : new Date().toISOString().slice(0, 10);
}

/** Reads (once per root and process) the history data of the site. */
export function historySite(root = historyRoot()): HistorySite {
  if (cache.shoukongHistorySite?.root !== root) {
    const value = readHistorySite(root);
    cache.shoukongHistorySite = { root, value };
    // The build output says so too when the history is incomplete (shallow clone) or missing.
    if (value.history.notice) console.warn(`版本历史：${value.history.notice}`);
  }
  return cache.shoukongHistorySite.value;
}

function readHistorySite(root: string): HistorySite {
  const set = loadDocumentSet(root);
  const graph = buildGraph(set);
  const history = readRepositoryHistory(root);
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

/** 最近变更 of a published document for its page header, with the link to its history page. */
export function lastChangeOf(number: string): { commit: CommitView; historyHref: string; versionHref: string } | undefined {
  const page = historySite().pages.get(number);
  const last = page?.lastChange;
  const newest = page?.versions[0];
  return page && last && newest ? { commit: last, historyHref: page.historyHref, versionHref: `${page.historyHref}#${newest.anchor}` } : undefined;
}
