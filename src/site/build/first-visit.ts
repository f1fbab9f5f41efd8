/**
 * The first visit (首次访问): what a reader's browser downloads when it opens one page with an empty
 * cache, counted response by response in real Chromium. Used by the page-weight test and by
 * `npm run bench:visit`.
 */
import type { BrowserContext, Request } from 'playwright-core';

/** What a response is, for the byte counts: the page, its styles, scripts, fonts, images, the rest. */
export type ResourceKind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';

export const resourceKinds: readonly ResourceKind[] = ['html', 'css', 'js', 'font', 'image', 'other'];

/** One response of the visit. */
export interface VisitResponse {
  url: string;
  kind: ResourceKind;
  /** Body bytes (uncompressed: what the file holds; a server that gzips sends fewer). */
  bytes: number;
}

/** Everything one first visit loaded. */
export interface FirstVisit {
  url: string;
  responses: VisitResponse[];
  /** Sum of every response body. */
  total: number;
  byKind: Record<ResourceKind, number>;
  /** Every font the page asked for, whether or not it arrived. */
  fontRequests: string[];
}

const fontFile = /\.(woff2?|ttf|otf|eot)(?:[?#]|$)/i;

/** True when the request is for a font: by Chromium's resource type or by the file name. */
export function isFontRequest(resourceType: string, url: string): boolean {
  return resourceType === 'font' || fontFile.test(new URL(url).pathname);
}

/** The kind of a response, from Chromium's resource type, else its content type, else its file name. */
export function resourceKind(resourceType: string, url: string, contentType = ''): ResourceKind {
  if (isFontRequest(resourceType, url) || contentType.startsWith('font/')) return 'font';
  if (resourceType === 'document' || contentType.startsWith('text/html')) return 'html';
  if (resourceType === 'stylesheet' || contentType.startsWith('text/css')) return 'css';
  if (resourceType === 'script' || /javascript/.test(contentType)) return 'js';
  if (resourceType === 'image' || contentType.startsWith('image/')) return 'image';
  return 'other';
}

/**
 * Opens `url` in a new tab of `context` with the browser's cache emptied first, waits until the
 * network has been idle, and returns every response with its size. The tab is closed afterwards;
 * the context is left open (the packaged Chromium runs in one process that ends with its context).
 */
export async function firstVisit(context: BrowserContext, url: string): Promise<FirstVisit> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    const fontRequests: string[] = [];
    const finished: Promise<VisitResponse>[] = [];
    page.on('request', (request) => {
      if (isFontRequest(request.resourceType(), request.url())) fontRequests.push(request.url());
    });
    const onFinished = (request: Request) => void finished.push(measured(request));
    page.on('requestfinished', onFinished);
    await page.goto(url, { waitUntil: 'networkidle' });
    // What arrives later belongs to no first paint; reading it after the tab closes would fail.
    page.off('requestfinished', onFinished);
    const responses = await Promise.all(finished);
    const byKind = Object.fromEntries(resourceKinds.map((k) => [k, 0])) as Record<ResourceKind, number>;
    for (const r of responses) byKind[r.kind] += r.bytes;
    return { url, responses, total: responses.reduce((sum, r) => sum + r.bytes, 0), byKind, fontRequests };
  } finally {
    await page.close();
  }
}

async function measured(request: Request): Promise<VisitResponse> {
  const response = await request.response();
  const contentType = (await response?.headerValue('content-type')) ?? '';
  // A redirect has no body to read; what went over the wire is all there is.
  const bytes = await response?.body().then((b) => b.length, async () => (await request.sizes()).responseBodySize);
  return { url: request.url(), kind: resourceKind(request.resourceType(), request.url(), contentType), bytes: bytes ?? 0 };
}
