/** Reads who approved a pull request from what the hosting platform saved: GitHub's event, GitLab's API. */
import type { approvalPlatforms } from '../model/schemas/approvals.ts';

/** One approval as the platform reports it, before it is tied to a person and a document. */
export interface PlatformApproval {
  platform: (typeof approvalPlatforms)[number];
  /** Platform user name (GitHub login, GitLab username). */
  identity: string;
  /** The display name on the platform, for messages only. */
  displayName?: string;
  pr: number;
  /** ISO 8601. */
  time: string;
  commit?: string;
}

export class PayloadError extends Error {
  override name = 'PayloadError';
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * GitHub (and Gitea, which sends the same shape): a `pull_request_review` event payload
 * (GITHUB_EVENT_PATH), or the list the API returns for GET /repos/:owner/:repo/pulls/:n/reviews
 * (then `pr` must be given). Only reviews whose state is approved count; the latest one wins.
 */
export function approvalsFromGitHub(payload: unknown, platform: 'github' | 'gitea' = 'github', pr?: number): PlatformApproval[] {
  const reviews: Json[] = Array.isArray(payload) ? payload.filter(isObject) : isObject(payload) && isObject(payload.review) ? [payload.review] : [];
  if (reviews.length === 0) throw new PayloadError('不是 GitHub 的 pull_request_review 事件（缺少 review），也不是评审列表：请把 GITHUB_EVENT_PATH 指向的文件或 /pulls/:n/reviews 的返回结果交给 --github');
  const number = isObject(payload) && isObject(payload.pull_request) && typeof payload.pull_request.number === 'number' ? payload.pull_request.number : pr;
  if (!number) throw new PayloadError('无法确定合并请求编号：事件中没有 pull_request.number，请用 --pr 给出');
  const approved = reviews.filter((r) => String(r.state).toLowerCase() === 'approved' && isObject(r.user) && typeof r.user.login === 'string');
  return approved.map((r) => ({
    platform,
    identity: (r.user as Json).login as string,
    pr: number,
    time: typeof r.submitted_at === 'string' ? r.submitted_at : '',
    ...(typeof r.commit_id === 'string' ? { commit: r.commit_id } : {}),
  }));
}

/**
 * GitLab: the response of GET /projects/:id/merge_requests/:iid/approvals. `approved_at` per approver
 * exists on recent GitLab versions; older ones only give the response's `updated_at`.
 */
export function approvalsFromGitLab(payload: unknown): PlatformApproval[] {
  if (!isObject(payload) || !Array.isArray(payload.approved_by)) throw new PayloadError('不是 GitLab 合并请求批准接口（/merge_requests/:iid/approvals）的返回结果：缺少 approved_by');
  const iid = typeof payload.iid === 'number' ? payload.iid : undefined;
  if (!iid) throw new PayloadError('GitLab 返回结果中没有 iid（合并请求编号）');
  return payload.approved_by.filter(isObject).flatMap((entry) => {
    const user = entry.user;
    if (!isObject(user) || typeof user.username !== 'string') return [];
    const time = typeof entry.approved_at === 'string' ? entry.approved_at : typeof payload.updated_at === 'string' ? payload.updated_at : '';
    return [{ platform: 'gitlab' as const, identity: user.username, ...(typeof user.name === 'string' ? { displayName: user.name } : {}), pr: iid, time }];
  });
}
