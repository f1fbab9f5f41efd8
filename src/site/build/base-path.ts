/**
 * The base path (发布路径) of the published site: '/' at the root of a domain, '/zlbz/' when the
 * site lives at https://www.example.edu.cn/zlbz/. The model (site-model, history-*) keeps making
 * root-relative paths such as /procedures/jmi-cx-13/; the pages put them under the base with
 * withBase (site-base.ts). This module is plain TypeScript, also used by the build script.
 */

/** A base path given on the command line or in SHOUKONG_BASE could not be used. */
export class BasePathError extends Error {}

/** Checks and normalises a base path: '' → '/', 'zlbz' → '/zlbz/', '/a/b' → '/a/b/'. Throws BasePathError (Chinese message). */
export function normalizeBase(value: string): string {
  const example = '例如网站地址是 https://www.example.edu.cn/zlbz/ 时写 /zlbz/';
  if (/^[a-z]:[\\/]/i.test(value)) {
    throw new BasePathError(`发布路径 "${value}" 是本机的文件路径（Windows 的 Git Bash 会把以 / 开头的参数改写成路径）：请写成 --base zlbz/ 这样不以 / 开头的形式`);
  }
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) {
    throw new BasePathError(`发布路径 "${value}" 是完整网址：只写网址中域名之后的路径，${example}`);
  }
  if (/\s/.test(value)) throw new BasePathError(`发布路径 "${value}" 含有空格：${example}`);
  const segments = value.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) throw new BasePathError(`发布路径 "${value}" 含有 . 或 ..：只写从域名开始的路径，${example}`);
  const bad = segments.find((s) => !/^[A-Za-z0-9._~-]+$/.test(s));
  if (bad !== undefined) throw new BasePathError(`发布路径 "${value}" 中的 "${bad}" 含有不能用在网址路径中的字符：只能用字母、数字和 - _ . ~，${example}`);
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/** The base path of `npm run build`: --base wins over SHOUKONG_BASE, '/' when neither is given. The error names where the bad value came from. */
export function basePathOption(flag: string | undefined, env: string | undefined): string {
  const [source, value] = flag !== undefined ? ['--base', flag] : env !== undefined ? ['SHOUKONG_BASE', env] : ['', '/'];
  try {
    return normalizeBase(value);
  } catch (error) {
    throw error instanceof BasePathError ? new BasePathError(`${source}：${error.message}`) : error;
  }
}

/** `path` under `base` when it is root-relative (/procedures/…); fragments, relative and external addresses stay as they are. */
export function prefixBase(base: string, path: string): string {
  if (base === '/' || !path.startsWith('/') || path.startsWith('//')) return path;
  return base + path.slice(1);
}

/** Rendered body HTML with its root-relative href and src attributes put under `base`. */
export function rebaseHtml(base: string, html: string): string {
  if (base === '/') return html;
  return html.replace(/(\s(?:href|src)=")(\/(?!\/)[^"]*)"/g, (_all, attribute: string, path: string) => `${attribute}${prefixBase(base, path)}"`);
}
