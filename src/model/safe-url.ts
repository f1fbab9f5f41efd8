/**
 * The link and image addresses a controlled document may use (地址允许名单). Content comes from pull
 * requests, so an address is allowed only when it cannot run code or read the build machine's files:
 * the check reports every other address (mdx/unsafe-url, mdx/image-outside-content) and the renderer
 * drops it anyway, whatever the check said. One module, so that the two never disagree.
 */

/** Schemes a link may use: web pages, e-mail and telephone numbers. */
export const linkSchemes: readonly string[] = ['http', 'https', 'mailto', 'tel'];
/** Schemes an image may use: web images; local images are relative paths inside content/. */
export const imageSchemes: readonly string[] = ['http', 'https'];

/** Why an address is refused, and which rule reports it. */
export interface UrlProblem {
  rule: 'mdx/unsafe-url' | 'mdx/image-outside-content';
  message: string;
}

/** Quotes an address for a message: control characters made visible, long ones shortened. */
export function quoteUrl(url: string): string {
  const shown = url.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${shown.length > 80 ? `${shown.slice(0, 77)}…` : shown}"`;
}

const allowedLinks = '受控文件中的链接只能是 http://、https://、mailto:、tel: 地址，站内路径（/…）、相对路径或本页锚点（#…）';

/**
 * The scheme a browser would see, after it drops tabs and newlines anywhere and spaces and control
 * characters at the ends (so `jav&#x09;ascript:` and ` javascript:` are javascript:); undefined for
 * a relative address. A colon before the first `/`, `?` or `#` counts as a scheme even when it is not
 * a valid one (`C:\…`, `java\0script:`), so nothing that looks like one slips through.
 */
function schemeOf(url: string): string | undefined {
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const match = /^([^/?#\\]*?):/.exec(cleaned);
  return match ? match[1]!.toLowerCase() : undefined;
}

/** Control characters and whitespace have no place in an address; browsers drop some of them silently. */
const hasControl = (url: string) => /[\u0000-\u0020\u007f]/.test(url.trim());

/** `//host` and `\\host` (browsers read `\` as `/`) take the page's scheme: file:// when printing. */
const isProtocolRelative = (url: string) => /^[/\\]{2}/.test(url.trim());

/** The problem with a link's address (Markdown link, reference definition, href of an element), if any. */
export function linkUrlProblem(url: string): UrlProblem | undefined {
  const quoted = quoteUrl(url);
  if (hasControl(url)) return unsafe(`链接地址 ${quoted} 中含有空白或控制字符，浏览器会悄悄去掉它们，可能把地址变成可执行的脚本：请删除这些字符；地址中的空格写成 %20`);
  if (isProtocolRelative(url)) return unsafe(`链接地址 ${quoted} 以 // 开头，会沿用当前页面的协议（打印 PDF 时是本机文件）：请写完整的 https:// 地址`);
  const scheme = schemeOf(url);
  if (scheme !== undefined && !linkSchemes.includes(scheme)) {
    return unsafe(`链接地址 ${quoted} 使用了不允许的协议 "${scheme}:"（可能执行脚本或读取本机文件）。${allowedLinks}：请改成这样的地址，或删除该链接`);
  }
  return undefined;
}

/**
 * The problem with an image's address, if any. `documentPath` is the document's path from the
 * repository root (content/…): a relative image must stay inside content/ when resolved from it.
 * Without it, the document is taken to sit directly in content/, so any `..` that could leave it is refused.
 */
export function imageUrlProblem(url: string, documentPath = 'content/document.mdx'): UrlProblem | undefined {
  const quoted = quoteUrl(url);
  const outside = (why: string): UrlProblem => ({
    rule: 'mdx/image-outside-content',
    message: `图片 ${quoted} ${why}：图片只能来自 content/ 之内；请把图片放进 content/（如与本文件同一文件夹），写相对路径，如 ./图片.png`,
  });
  if (hasControl(url)) return unsafe(`图片地址 ${quoted} 中含有空白或控制字符：请删除这些字符；文件名中的空格写成 %20`);
  if (isProtocolRelative(url)) return unsafe(`图片地址 ${quoted} 以 // 开头，会沿用当前页面的协议（打印 PDF 时是本机文件）：请写完整的 https:// 地址`);
  const scheme = schemeOf(url);
  if (scheme === 'file') return outside('是本机文件地址（file:）');
  if (scheme !== undefined && !imageSchemes.includes(scheme)) {
    return unsafe(`图片地址 ${quoted} 使用了不允许的协议 "${scheme}:"。图片只能是 http://、https:// 地址，或 content/ 之内的相对路径：请改成这样的地址，或删除该图片`);
  }
  if (scheme !== undefined) return undefined;
  let path = url.trim().replace(/[?#].*$/, '');
  try {
    // %2e%2e/ and %5c are .. and \ to a file server.
    path = decodeURIComponent(path);
  } catch {
    // An invalid escape is kept as written; it cannot name a parent folder.
  }
  path = path.replace(/\\/g, '/');
  if (path.startsWith('/')) return outside('是绝对路径（在网站上指向站点根目录，打印时指向本机文件）');
  const resolved = resolveRelative(documentPath, path);
  if (!resolved.startsWith('content/')) return outside('用 .. 跳出了 content/');
  return undefined;
}

/**
 * The path `path` names from the folder of `documentPath`, with `.` and `..` worked out (what
 * posix.normalize(posix.join(posix.dirname(…), …)) gives), written out so that the renderer also runs
 * in a browser: the web editor's preview renders bodies with it.
 */
export function resolveRelative(documentPath: string, path: string): string {
  const parts = documentPath.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}

function unsafe(message: string): UrlProblem {
  return { rule: 'mdx/unsafe-url', message };
}
