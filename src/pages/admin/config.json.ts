/** /admin/config.json: the web editor's configuration, generated from the schemas and the current document set. */
import { loadDocumentSet } from '../../model/load.ts';
import { buildInput, devPreviewEnabled } from '../../site/astro/build-input.ts';
import { cmsBackendFromEnv } from '../../site/cms/cms-backend.ts';
import { cmsConfig } from '../../site/cms/cms-config.ts';

export function GET(): Response {
  // The set the build checked, when it handed one over: loading it again parsed every body a second time (seconds for 5,000 documents).
  const input = buildInput();
  const set = input.set ?? loadDocumentSet(input.contentRoot);
  // The local backend (decap-server inside `npm run dev`) is offered only by the dev server.
  const config = cmsConfig(set, { backend: cmsBackendFromEnv(), localBackend: devPreviewEnabled() });
  return new Response(JSON.stringify(config), { headers: { 'content-type': 'application/json' } });
}
