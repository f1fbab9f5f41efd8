/**
 * What a document body may bring into its PDF besides text. Images are embedded as data: URLs,
 * and only from files inside the content folder, found relative to the document's own folder (the
 * print page itself has no file access: lockdown.ts). Links survive only to the web, mail and
 * telephone, since each one becomes a link annotation in the PDF.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, sep } from 'node:path';
import { contentDir } from '../model/load.ts';
import { escapeAttribute, escapeHtml } from './html.ts';

/** Largest image file embedded in a PDF. */
export const imageSizeLimit = 10 * 1024 * 1024;

/** Image types a PDF may embed, by extension. SVG in an <img> is a picture: its scripts never run. */
const imageTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/** An image ready to embed: its data: URL and a fingerprint of its bytes (an input of the PDF cache). */
export interface EmbeddedImage {
  dataUrl: string;
  hash: string;
}

/**
 * The image a document links to, or undefined when it may not be printed: only a relative path
 * (no scheme, no leading slash), resolved against the document's own folder, to a file of a known
 * image type whose real path (after symbolic links) lies inside `<root>/content`.
 */
export function contentImage(root: string, docPath: string, src: string): EmbeddedImage | undefined {
  const trimmed = src.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || /^[\\/]/.test(trimmed)) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(trimmed.replace(/[?#].*$/s, ''));
  } catch {
    return undefined;
  }
  if (path.includes('\0') || isAbsolute(path)) return undefined;
  const type = imageTypes[extname(path).toLowerCase()];
  if (!type) return undefined;
  try {
    const folder = realpathSync(join(root, contentDir));
    const real = realpathSync(join(root, dirname(docPath), path));
    const inside = relative(folder, real);
    if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return undefined;
    const stat = statSync(real);
    if (!stat.isFile() || stat.size > imageSizeLimit) return undefined;
    const bytes = readFileSync(real);
    return { dataUrl: `data:${type};base64,${bytes.toString('base64')}`, hash: createHash('sha1').update(bytes).digest('hex') };
  } catch {
    return undefined;
  }
}

/** Schemes a link in a PDF may point to; anything else loses its target and prints as text. */
const linkSchemes = /^(?:https?|mailto|tel):/i;

/** One attribute of a tag as hast-util-to-html writes it: name, then a double-quoted value or none. */
const attributePattern = /\s+([^\s"'>\/=]+)(?:="([^"]*)")?/g;

/** Tags as hast-util-to-html writes them (values always double-quoted, so `>` inside one is no end). */
const tagPattern = /<(img|a)((?:\s+[^\s"'>\/=]+(?:="[^"]*")?)*)\s*\/?>/gi;

/** Decodes the character references hast-util-to-html writes in attribute values. */
function decodeAttribute(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|quot|lt|gt|apos));/gi, (_all, hex?: string, dec?: string, name?: string) => {
    if (name) return { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" }[name.toLowerCase()]!;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

function attributesOf(text: string): Map<string, string> {
  return new Map([...text.matchAll(attributePattern)].map(([, name, value]) => [name!.toLowerCase(), decodeAttribute(value ?? '')]));
}

/** True when a link may stay a link in the PDF: web, mail, telephone, or a place in the same page. */
export function printableLink(href: string): boolean {
  const url = href.replace(/[\u0000-\u0020\u007f]/g, '');
  return linkSchemes.test(url) || url.startsWith('#');
}

/**
 * The body HTML as a PDF may carry it: each <img> either embedded via `image` (which returns a
 * data: URL for an allowed file) or replaced by its alt text marked as not printed; each <a> to a
 * scheme other than http(s), mailto or tel without its href. Cross-references (the renderer's
 * `shoukong-ref:` links) are kept for linksAsText, which turns them into text.
 */
export function printableBody(html: string, image: (src: string) => string | undefined): string {
  return html.replace(tagPattern, (tag, name: string, attributeText: string) => {
    const attributes = attributesOf(attributeText);
    if (name.toLowerCase() === 'img') {
      const data = image(attributes.get('src') ?? '');
      const alt = attributes.get('alt') ?? '';
      if (!data) return `<span class="image-omitted">［图片未打印${alt ? `：${escapeHtml(alt)}` : ''}］</span>`;
      return `<img src="${escapeAttribute(data)}" alt="${escapeAttribute(alt)}">`;
    }
    const href = attributes.get('href');
    if (href === undefined || href.startsWith('shoukong-ref:') || printableLink(href)) return tag;
    attributes.delete('href');
    return `<a${[...attributes].map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('')}>`;
  });
}
