/** The editor's Git host (网页编辑的后端), read from SHOUKONG_CMS_* environment variables at build time (docs/web-editing.md). */
import type { CmsBackend } from './cms-config.ts';

const names = ['github', 'gitlab', 'gitea', 'forgejo'] as const;

/** SHOUKONG_CMS_BACKEND github|gitlab|gitea|forgejo, SHOUKONG_CMS_REPO, _BRANCH, _BASE_URL, _API_ROOT, _APP_ID, _AUTH_ENDPOINT. */
export function cmsBackendFromEnv(env: NodeJS.ProcessEnv = process.env): CmsBackend {
  const name = (env.SHOUKONG_CMS_BACKEND ?? 'github') as CmsBackend['name'];
  if (!names.includes(name)) throw new Error(`SHOUKONG_CMS_BACKEND="${name}" 不受支持：请写 github、gitlab、gitea 或 forgejo`);
  const backend: CmsBackend = { name, repo: env.SHOUKONG_CMS_REPO ?? 'college/quality-docs', branch: env.SHOUKONG_CMS_BRANCH ?? 'main' };
  if (env.SHOUKONG_CMS_BASE_URL) backend.base_url = env.SHOUKONG_CMS_BASE_URL;
  if (env.SHOUKONG_CMS_API_ROOT) backend.api_root = env.SHOUKONG_CMS_API_ROOT;
  if (env.SHOUKONG_CMS_AUTH_ENDPOINT) backend.auth_endpoint = env.SHOUKONG_CMS_AUTH_ENDPOINT;
  if (env.SHOUKONG_CMS_APP_ID) {
    backend.app_id = env.SHOUKONG_CMS_APP_ID;
    // GitLab and Gitea sign in with an OAuth application and PKCE: no secret, no OAuth server of our own.
    if (name !== 'github') backend.auth_type = 'pkce';
  }
  return backend;
}
