/**
 * The admin page's script (网页编辑): registers our file format, change control (pre-save hook) and a
 * preview rendered by the site's own body renderer with Decap CMS, then starts it with the generated
 * configuration. Runs in the browser.
 */
import { localDate } from '../../model/calendar-date.ts';
import { statusLabels, type Status } from '../../model/document-types.ts';
import { renderBody, type ResolvedRef } from '../../render/body-html.ts';
import { readMdx, writeMdx } from './cms-file.ts';
import { withBase } from '../build/site-base.ts';
import { needsRevision, numberForNew, revisedFields } from './cms-revision.ts';
import type { VersionScheme } from '../../model/version.ts';

type Immutable = { toJS(): Record<string, unknown>; get(k: string): unknown; set(k: string, v: unknown): Immutable; merge(v: unknown): Immutable };
type Cms = {
  init(options: { config: Record<string, unknown> }): void;
  registerCustomFormat(name: string, extension: string, format: { fromFile(text: string): unknown; toFile(data: Record<string, unknown>): string }): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: Immutable; author?: { login?: string; name?: string } }) => unknown }): void;
  registerPreviewTemplate(name: string, component: unknown): void;
  registerPreviewStyle(style: string, options: { raw: boolean }): void;
};
const w = window as unknown as { CMS: Cms; h: (...a: unknown[]) => unknown; createClass: (spec: Record<string, unknown>) => unknown; fromJS?: unknown };

async function start(): Promise<void> {
  const configUrl = document.querySelector<HTMLLinkElement>('link[rel="shoukong-cms-config"]')!.href;
  const config = (await (await fetch(configUrl)).json()) as Record<string, unknown> & {
    shoukong: { versionScheme: VersionScheme; nextNumbers: Record<string, string | Record<string, string>>; references: Record<string, ResolvedRef> };
    collections: { name: string; folder: string; fields: { name: string }[] }[];
  };
  const { versionScheme, nextNumbers, references } = config.shoukong;
  delete (config as Record<string, unknown>).shoukong;
  // Decap wants an absolute address for the local backend; the dev server serves it on its own origin.
  const local = config.local_backend as { url?: string } | undefined;
  if (local?.url) local.url = new URL(local.url, location.href).href;
  // Field order of a new file: the schemas' order (type, number, title, version, …), the same for every type.
  const order = [...new Set(config.collections.flatMap((c) => c.fields.map((f) => f.name)))];
  const { CMS } = w;
  CMS.registerCustomFormat('shoukong-mdx', 'mdx', { fromFile: readMdx, toFile: (data) => writeMdx(data, order) });
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry, author }) => {
      const data = (entry.get('data') as Immutable).toJS();
      const number = numberForNew(data, nextNumbers[String(entry.get('collection'))]);
      if (number) return (entry.get('data') as Immutable).set('number', number);
      if (!needsRevision(data)) return undefined;
      const summary = window.prompt('这是现行文件，保存即修订。请填写修订摘要（以“换版”开头表示换版：版次升一级，修改状态归零）：')?.trim();
      if (!summary) throw new Error('没有填写修订摘要，文件未保存');
      const name = author?.name || window.prompt('修订人（姓名）：')?.trim();
      if (!name) throw new Error('没有填写修订人，文件未保存');
      const fields = revisedFields(data, versionScheme, { summary, author: name, today: localDate() });
      if (!fields) throw new Error(`版本 "${String(data.version)}" 不符合版本方案，无法自动升版：请手工修改版本和修订记录`);
      let next = entry.get('data') as Immutable;
      for (const [key, value] of Object.entries(fields)) next = next.set(key, value);
      return next;
    },
  });
  // The preview is the site's own renderer: MDX is parsed, never run; raw HTML, scripts and unsafe
  // addresses are dropped as on the site, so a pull request's content stays inert here too.
  const folderOf = new Map(config.collections.map((c) => [c.name, c.folder]));
  const resolve = (number: string): ResolvedRef | undefined => {
    const ref = references[number];
    return ref ? { ...ref, href: withBase(ref.href) } : undefined;
  };
  const Preview = w.createClass({
    render(this: { props: { entry: Immutable } }) {
      const data = (this.props.entry.get('data') as Immutable).toJS();
      const documentPath = `${folderOf.get(String(this.props.entry.get('collection'))) ?? 'content'}/preview.mdx`;
      const { html } = renderBody(String(data.body ?? ''), { resolve, documentPath });
      return w.h('article', { className: 'preview' },
        w.h('h1', {}, `${String(data.number ?? '')} ${String(data.title ?? '')}`),
        w.h('p', { className: 'preview-meta' }, `版本 ${String(data.version ?? '')} · 状态 ${statusLabels[data.status as Status] ?? String(data.status ?? '')}`),
        w.h('div', { className: 'doc-body', dangerouslySetInnerHTML: { __html: html } }));
    },
  });
  CMS.registerPreviewStyle(previewCss, { raw: true });
  for (const c of config.collections as unknown as { name: string }[]) CMS.registerPreviewTemplate(c.name, Preview);
  CMS.init({ config });
}

/** The preview's look: the site's reading font stack, tables with rules, marked unknown and obsolete references. */
const previewCss = `
.preview{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif;line-height:1.7;padding:1rem;color:#1a1a1a}
.preview-meta{color:#555}
.doc-body table{border-collapse:collapse;margin:1em 0}
.doc-body th,.doc-body td{border:1px solid #bbb;padding:.3em .6em;vertical-align:top}
.doc-body pre{background:#f5f5f5;padding:.6em;white-space:pre-wrap}
.doc-body .doc-ref.broken,.doc-body .image-refused{color:#a40000}
.doc-body .doc-ref.obsolete{text-decoration:line-through}
`;

void start();
