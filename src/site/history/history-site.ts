/**
 * The history, point-in-time and register data for the site, read once per build: the document set,
 * its graph and one pass over the Git log (`readRepositoryHistory`). Pages and the document header
 * read it from here.
 */
import { buildGraph } from '../../graph/build-graph.ts';
import type { RepositoryHistory } from '../../history/document-history.ts';
import { buildToday, inForceTodayOf, sharedHistory } from '../../history/in-force-today.ts';
import { buildRegister, type RegisterRow } from '../../history/register.ts';
import type { DocumentType } from '../../model/document-types.ts';
import { join } from 'node:path';
import { loadDocumentSet, shardedParseCache, type DocumentSet } from '../../model/load.ts';
import { parserVersion } from '../../model/parser-version.ts';
import { buildInput, type BuildInput } from '../astro/build-input.ts';
import { documentPath } from '../../render/urls.ts';
import { copyViews, type CopyView } from '../view/copies-view.ts';
import { auditDocuments, presetDates, type AuditDocument } from './history-audit.ts';
import { historyPageView, type CommitView, type HistoryPageView } from './history-view.ts';

/** Everything the history, audit and register pages need. */
export interface HistorySite {
  history: RepositoryHistory;
  /** The build date (今天): the one the build handed over, else SHOUKONG_TODAY or the local date (see buildToday). */
  today: string;
  /** History pages of published documents, by number; empty when Git history is unavailable. */
  pages: Map<string, HistoryPageView>;
  audit: AuditDocument[];
  presets: string[];
  register: RegisterRow[];
  /** Every registered paper copy (发放回收登记) as of the build date. */
  copies: CopyView[];
  /** Document page path by number, for links from the register and the audit table. */
  hrefOf: (number: string) => string | undefined;
}

/**
 * The last read, in this module: every page of one Astro build imports the one instance of this
 * module (Vite bundles it into a chunk the pages share), so one build reads the history once.
 */
let memo: { root: string; today: string; set: DocumentSet; value: HistorySite } | undefined;

/**
 * Reads (once per root, set and date) the history data of the site. `from` is what the build handed
 * over (build-input.ts): its date, and the set it already loaded and checked, used when it is of this
 * root; in `npm run dev` no set is handed over, and the set is loaded here.
 */
export function historySite(root = buildInput().contentRoot, from: Pick<BuildInput, 'set' | 'today' | 'history'> = buildInput()): HistorySite {
  const today = from.today ?? buildToday();
  const handed = from.set?.root === root ? from.set : undefined;
  // Read by the build already (build/incremental.ts keys pages by it): the pages, another module instance, use that one.
  if (handed && from.history) return from.history;
  if (memo?.root === root && memo.today === today && (!handed || memo.set === handed)) return memo.value;
  const set = handed ?? loadDocumentSet(root, { cache: shardedParseCache(join(root, '.cache/shoukong'), parserVersion()) });
  const value = readHistorySite(set, today);
  memo = { root, today, set, value };
  // The build output says so too when the history is incomplete (shallow clone) or missing.
  if (value.history.notice) console.warn(`版本历史：${value.history.notice}`);
  return value;
}

function readHistorySite(set: DocumentSet, today: string): HistorySite {
  const history = sharedHistory(set);
  // The register lists what is in force today, as the pages and PDFs do.
  const inForce = inForceTodayOf(set, today);
  const typeOf = new Map<string, DocumentType>();
  for (const doc of set.documents) if (doc.type && doc.data.number && doc.data.title && doc.data.status) typeOf.set(doc.data.number, doc.type);
  // The point-in-time pages list the college's own versioned documents, as history pages exist for them only.
  const published = (number: string) => {
    const type = typeOf.get(number);
    return type && type !== 'external' ? { type } : undefined;
  };
  const pages = new Map<string, HistoryPageView>();
  if (history.available) {
    for (const doc of set.documents) {
      const number = doc.data.number;
      const docHistory = history.byPath.get(doc.path);
      // 外来文件 have no versions of the college's own: their page says what the register knows.
      if (doc.type === 'external') continue;
      if (number && docHistory && typeOf.has(number)) pages.set(number, historyPageView(docHistory, typeOf.get(number), { today, decision: inForce.decisionOf(doc) }, set.approvals?.data?.records));
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
    copies: copyViews(set, inForce, history.available ? history : undefined),
    register: organization ? buildRegister(inForce.set, buildGraph(inForce.set), organization, history, today, inForce.decisionOf) : [],
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
