/** What printing needs to know about the whole document set, gathered once per run. */
import { evidenceFor, evidenceText } from '../model/approval-evidence.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusDecision, type ControlDecision } from '../history/in-force-today.ts';
import { documentHeader, type DocumentHeader } from '../history/document-header.ts';
import type { ResolvedRef } from '../render/body-html.ts';
import { statusLabels } from '../model/document-types.ts';
import type { ControlledDocument, DocumentSet } from '../model/load.ts';
import { departmentShown, indexDepartments } from '../model/organization.ts';
import { parseFile } from '../model/parse-file.ts';
import type { CommitStamp } from './commit-stamp.ts';
import { escapeHtml } from './html.ts';
import { contentImage, type EmbeddedImage } from './print-body.ts';

/** The shared facts every print page is built from. */
export interface PrintContext {
  /** 学校名称 */
  institution: string;
  /** Git commit stamp of the whole run, e.g. “构建 3f2a9c1”, for the cover and contents. */
  commit: string;
  /** Stamp printed on every page of one document (未提交 only when its own file has changes). */
  commitOf(doc: ControlledDocument): string;
  /** True when the file (path relative to the root) has changes not yet committed. */
  uncommitted(path: string): boolean;
  /** The stamp of this run's commit, with 未提交 when the page was made from uncommitted files. */
  stamp(uncommitted: boolean): string;
  /** What `resolve` would have answered at the commit (differs only for documents with changes). */
  resolveAtCommit(number: string): ResolvedRef | undefined;
  /** @font-face rules for the embedded fonts. */
  fontCss: string;
  /** Full department name for a reference written in a document (id, short name, name or group). */
  departmentName(ref: string): string;
  /** Looks up a referenced document by number. */
  resolve(number: string): ResolvedRef | undefined;
  /** Inline SVG for a mermaid flowchart, when one was rendered. */
  flowchart(code: string): string | undefined;
  /** The body text (after the frontmatter) of a document. */
  bodyText(doc: ControlledDocument): string;
  /**
   * What the document is on the print date (in-force-today.ts): its status label and whether the
   * copy is controlled (受控). Only a version in force today is stamped 受控.
   */
  control(doc: ControlledDocument): Pick<ControlDecision, 'label' | 'controlled' | 'state'>;
  /** 文件头 rows (document-header.ts), the same the site page and the Word copy show. */
  header(doc: ControlledDocument): DocumentHeader;
  /** 批准证据 as one line (批准：周志远 · 合并请求 !42 批准 2026-11-10), for effective versions only. */
  approval(doc: ControlledDocument): string | undefined;
  /** An image a document's body shows, when it is a file inside content/ (print-body.ts). */
  image(doc: ControlledDocument, src: string): EmbeddedImage | undefined;
}

/** A document with the fields printing cannot do without (编号、名称、版本、状态). */
export type PrintableDocument = ControlledDocument & {
  data: ControlledDocument['data'] & { number: string; title: string; version: string; status: NonNullable<ControlledDocument['data']['status']> };
};

/** True when the document validated far enough to be printed. */
export function isPrintable(doc: ControlledDocument): doc is PrintableDocument {
  return Boolean(doc.type && doc.data.number && doc.data.title && doc.data.version && doc.data.status);
}

/** Builds the context from a loaded set. */
export function printContext(
  set: DocumentSet,
  options: {
    commit: CommitStamp;
    fontCss: string;
    flowcharts: Map<string, string>;
    /** The decisions for the print date and the texts of versions read from Git (inForceTodayOf); without it, the files' status and text. */
    inForce?: { decisionOf(doc: ControlledDocument): ControlDecision; textOf(doc: ControlledDocument): string };
  },
): PrintContext {
  const org = set.organization.data;
  const departments = org ? indexDepartments(org) : undefined;
  const byNumber = new Map(set.documents.filter(isPrintable).map((d) => [d.data.number, d]));
  // Documents with changes, as the commit has them: parsed once each, only when asked for.
  const atCommit = new Map<string, ResolvedRef | undefined>();
  const resolve = (number: string): ResolvedRef | undefined => {
    const doc = byNumber.get(number);
    return doc ? refTo(number, doc.data) : undefined;
  };
  const control = (doc: ControlledDocument): ReturnType<PrintContext['control']> => {
    const { state, label, controlled } = options.inForce?.decisionOf(doc) ?? statusDecision(doc);
    return { state, label, controlled };
  };
  return {
    institution: org?.institution.name ?? '',
    commit: options.commit.overall,
    commitOf: (doc) => options.commit.stamp(options.commit.dirty(doc.path)),
    uncommitted: (path) => options.commit.dirty(path),
    stamp: (uncommitted) => options.commit.stamp(uncommitted),
    fontCss: options.fontCss,
    departmentName: (ref) => departmentShown(departments, ref).name,
    resolve,
    resolveAtCommit(number) {
      const doc = byNumber.get(number);
      if (!doc || !options.commit.dirty(doc.path)) return resolve(number);
      if (!atCommit.has(number)) {
        const bytes = options.commit.committed(doc.path);
        const data = bytes ? (parseFile(doc.path, bytes).data as { number?: unknown; title?: unknown; status?: unknown } | undefined) : undefined;
        atCommit.set(number, data?.number === number && typeof data.title === 'string' ? refTo(number, { title: data.title, status: data.status }) : undefined);
      }
      return atCommit.get(number);
    },
    flowchart: (code) => options.flowcharts.get(code),
    approval(doc) {
      if (doc.data.status !== 'effective') return undefined;
      const { number, version, decision, approvedBy } = doc.data;
      return evidenceText(evidenceFor(number, version, decision, set.approvals?.data?.records ?? []), approvedBy);
    },
    bodyText: (doc) => options.inForce?.textOf(doc) ?? readFileSync(join(set.root, doc.path), 'utf8'),
    control,
    header: (doc) => documentHeader(doc, { decision: control(doc), departments, titleOf: (number) => byNumber.get(number)?.data.title }),
    image: (doc, src) => contentImage(set.root, doc.path, src),
  };
}

const refScheme = 'shoukong-ref:';

function refTo(number: string, data: { title: string; status?: unknown }): ResolvedRef {
  return { href: `${refScheme}${number}`, title: data.title, obsolete: data.status === 'obsolete' };
}

/**
 * Paper has no links: each cross-reference becomes text, followed by the number when the author's
 * label does not already show it, e.g. “智慧校园运维与管理（JMI/CX/17）”.
 */
export function linksAsText(html: string): string {
  // Attribute values may hold `>` (hast-util-to-html leaves it unescaped there, e.g. in a title):
  // skip whole quoted attributes, or the rest of one would be taken for the label, as HTML.
  return html.replace(/<a href="shoukong-ref:([^"]*)" class="([^"]*)"(?:\s+[^\s"'>\/=]+="[^"]*")*>([\s\S]*?)<\/a>/g, (_all, number: string, className: string, label: string) => {
    const shown = label.includes(number) ? '' : `<span class="ref-number">（${escapeHtml(number)}）</span>`;
    const obsolete = className.includes('obsolete') ? `<span class="ref-number">（${statusLabels.obsolete}）</span>` : '';
    return `<span class="${className}">${label}${shown}${obsolete}</span>`;
  });
}

