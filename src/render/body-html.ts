/**
 * Renders a document body to HTML without running anything: MDX is parsed, never compiled, so
 * content from a pull request stays inert. Shared by the site and the PDFs.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toHast, type State } from 'mdast-util-to-hast';
import { allowedElements } from '../model/allowed-elements.ts';
import { inlineRefPattern, nestedTooDeep, parseMdxWithinLimits } from '../model/body.ts';
import { imageUrlProblem, linkUrlProblem } from '../model/safe-url.ts';
import { splitFrontmatter } from '../model/frontmatter.ts';

export interface ResolvedRef {
  href: string;
  /** Title shown as the default label and tooltip. */
  title: string;
  obsolete: boolean;
}

export interface BodyRenderOptions {
  /** Resolves a document number; unknown numbers render as marked text. */
  resolve(number: string): ResolvedRef | undefined;
  /** Returns the flowchart markup (inline SVG) for mermaid source, or undefined to show the source. */
  flowchart?(code: string): string | undefined;
  /** The document's path from the root (content/…), against which relative images must stay inside content/. */
  documentPath?: string;
}

export interface RenderedBody {
  html: string;
  headings: { depth: number; id: string; text: string }[];
}

/** Extracts the body (everything after the frontmatter) from a file's text. */
export function bodyOf(text: string): string {
  return splitFrontmatter(text)?.body ?? text.replace(/^\uFEFF/, '');
}

/** Renders a body, given as text or as the syntax tree parseMdx made of it. */
export function renderBody(body: string | MdastRoot, options: BodyRenderOptions): RenderedBody {
  const mdast = typeof body === 'string' ? parseMdxWithinLimits(body) : nestedTooDeep(body) ? undefined : body;
  // The check reports such a body (syntax/too-deep) and the build stops; this keeps any other caller from overflowing the stack.
  if (!mdast) return { html: '<p class="body-refused">正文嵌套过深，没有发布（见 npm run check 的 syntax/too-deep）。</p>', headings: [] };
  const headings: RenderedBody['headings'] = [];
  const used = new Map<string, number>();
  const hast = toHast(mdast, {
    allowDangerousHtml: false,
    handlers: {
      mdxjsEsm: () => undefined,
      mdxFlowExpression: () => undefined,
      mdxTextExpression: () => undefined,
      mdxJsxFlowElement: (state: State, node: JsxNode) => jsxElement(state, node),
      mdxJsxTextElement: (state: State, node: JsxNode) => jsxElement(state, node),
      code: (_state: State, node: { lang?: string | null; value: string }) => {
        if (node.lang === 'mermaid') {
          const svg = options.flowchart?.(node.value);
          if (svg) return { type: 'raw', value: `<figure class="flowchart">${svg}</figure>` } as unknown as Element;
        }
        return h('pre', { className: node.lang ? [`language-${node.lang}`] : [] }, [h('code', {}, [{ type: 'text', value: node.value }])]);
      },
    } as never,
  }) as HastRoot;
  dropUnsafeUrls(hast, options.documentPath);
  transform(hast, options, headings, used);
  return { html: toHtml(hast, { allowDangerousHtml: true }), headings };
}

interface JsxNode {
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: never[];
}

function jsxElement(state: State, node: JsxNode): Element | ElementContent[] | undefined {
  const name = node.name ?? '';
  const allowed = allowedElements[name];
  if (!allowed) return state.all(node as never);
  const attrs = new Map(node.attributes.filter((a) => a.type === 'mdxJsxAttribute' && typeof a.value === 'string').map((a) => [a.name!, String(a.value)]));
  if (name === 'Note') {
    const title = attrs.get('title');
    return h('aside', { className: ['note'], role: 'note' }, [...(title ? [h('p', { className: ['note-title'] }, [{ type: 'text', value: title }])] : []), ...state.all(node as never)]);
  }
  return h(name, {}, state.all(node as never));
}

/** Properties (as hast names them) that hold an address, and whether it is loaded as an image or followed as a link. */
const urlProperties: Readonly<Record<string, 'link' | 'image'>> = {
  href: 'link',
  src: 'image',
  srcSet: 'image',
  poster: 'image',
  action: 'link',
  formAction: 'link',
  xLinkHref: 'link',
  cite: 'link',
  data: 'link',
  background: 'image',
};

/**
 * The renderer's own guard, whatever the check said: a link with an address outside the allow-list
 * becomes its text, an image outside it or outside content/ is left out (［图片未显示：its description］ in
 * its place), and any other address-holding property outside it is removed. Covers Markdown links,
 * reference definitions and images alike, since all of them are elements here.
 */
function dropUnsafeUrls(node: HastRoot | Element, documentPath: string | undefined): void {
  const children = node.children as ElementContent[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'element') continue;
    for (const [property, kind] of Object.entries(urlProperties)) {
      const value = child.properties[property];
      if (value === undefined || value === null) continue;
      const url = Array.isArray(value) ? value.join(property === 'srcSet' ? ', ' : ' ') : String(value);
      const unsafe = kind === 'image' ? imageUrlProblem(url, documentPath) : linkUrlProblem(url);
      if (!unsafe) continue;
      if (child.tagName === 'a' && property === 'href') {
        children.splice(i, 1, ...child.children);
        i--;
        break;
      }
      if (child.tagName === 'img' && property === 'src') {
        const alt = String(child.properties.alt ?? '');
        children.splice(i, 1, h('span', { className: ['image-refused'] }, [{ type: 'text', value: alt ? `［图片未显示：${alt}］` : '［图片未显示］' }]));
        i--;
        break;
      }
      delete child.properties[property];
    }
    if (children[i] === child) dropUnsafeUrls(child, documentPath);
  }
}

function h(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/** Turns [[编号]] into links, and gives headings stable ids for the table of contents. */
function transform(node: HastRoot | Element, options: BodyRenderOptions, headings: RenderedBody['headings'], used: Map<string, number>): void {
  const children = node.children as ElementContent[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'element') {
      if (/^h[1-6]$/.test(child.tagName)) {
        const text = textOf(child);
        const base = `h-${text.replace(/[\s\p{P}]+/gu, '-').replace(/^-|-$/g, '') || 'section'}`;
        const count = used.get(base) ?? 0;
        used.set(base, count + 1);
        const id = count ? `${base}-${count}` : base;
        child.properties = { ...child.properties, id };
        headings.push({ depth: Number(child.tagName[1]), id, text });
      }
      if (child.tagName !== 'code' && child.tagName !== 'pre' && child.tagName !== 'a') transform(child, options, headings, used);
      continue;
    }
    if (child.type !== 'text' || !child.value.includes('[[')) continue;
    const parts: ElementContent[] = [];
    let last = 0;
    for (const match of child.value.matchAll(inlineRefPattern)) {
      if (match.index > last) parts.push({ type: 'text', value: child.value.slice(last, match.index) });
      const number = match[1]!.trim();
      const ref = options.resolve(number);
      const label = match[2]?.trim() ?? (ref ? `${number}《${ref.title}》` : number);
      parts.push(
        ref
          ? h('a', { href: ref.href, className: ref.obsolete ? ['doc-ref', 'obsolete'] : ['doc-ref'], title: `${number} ${ref.title}${ref.obsolete ? '（已作废）' : ''}` }, [{ type: 'text', value: label }])
          : h('span', { className: ['doc-ref', 'broken'] }, [{ type: 'text', value: label }]),
      );
      last = match.index + match[0].length;
    }
    if (last < child.value.length) parts.push({ type: 'text', value: child.value.slice(last) });
    children.splice(i, 1, ...parts);
    i += parts.length - 1;
  }
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}
