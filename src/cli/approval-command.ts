/** `npm run approval -- record`: appends who approved a merged pull request to content/org/approvals.yaml. */
import { isCurrent } from '../graph/lifecycle.ts';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { approvalsFromGitHub, approvalsFromGitLab, PayloadError, type PlatformApproval } from '../approval/platform-payload.ts';
import { compareWithBase, readBaseDocuments } from '../history/change-set.ts';
import { gitRunner } from '../history/git.ts';
import { indexPeople } from '../model/organization.ts';
import { approvalsPath, loadDocumentSet, type ControlledDocument } from '../model/load.ts';
import type { ApprovalRecord } from '../model/schemas/approvals.ts';
import { isAnswer, readOptions, type CommandResult } from './command.ts';

export const approvalUsage = `用法：npm run approval -- record (--github 事件.json | --gitea 事件.json | --gitlab 批准.json) (--base 基线 | --doc 编号…) [--commit 提交] [--pr 编号]
  --github  GitHub 的 pull_request_review 事件（GITHUB_EVENT_PATH），或 /pulls/:n/reviews 的返回结果
  --gitea   Gitea Actions 的同一事件（与 GitHub 格式相同）
  --gitlab  GitLab 接口 /projects/:id/merge_requests/:iid/approvals 的返回结果
  --base    与基线比较，记录本合并请求中新增或换版的每份文件
  --doc     只记录这些文件（编号，可重复）
  --commit  被批准的提交（GitLab 用 $CI_COMMIT_SHA；GitHub 事件中已有）
  --pr      合并请求编号（评审列表中没有时）
  --root    文件体系所在目录（默认当前目录）
把批准人追加到 ${approvalsPath}：批准人须在 organization.yaml 的 people 中登记其平台用户名或邮箱。`;

export function approvalCommand(argv: string[], env: { cwd: string; environment?: NodeJS.ProcessEnv }): CommandResult {
  const fail = (message: string, code = 1): CommandResult => ({ exitCode: code, stdout: '', stderr: `${message}\n` });
  const read = readOptions(argv, {
    github: { type: 'string' },
    gitea: { type: 'string' },
    gitlab: { type: 'string' },
    base: { type: 'string' },
    doc: { type: 'string', multiple: true },
    commit: { type: 'string' },
    pr: { type: 'string' },
    root: { type: 'string' },
  }, approvalUsage, { positionals: true });
  if (isAnswer(read)) return read;
  const { values, positionals } = read;
  if (positionals[0] !== 'record') return fail(`请写子命令 record\n${approvalUsage}`, 2);
  const sources = [values.github, values.gitea, values.gitlab].filter((v) => v !== undefined);
  if (sources.length !== 1) return fail(`请给出 --github、--gitea、--gitlab 之一\n${approvalUsage}`, 2);
  if (!values.base === !values.doc) return fail(`请给出 --base 基线 或 --doc 文件编号 之一\n${approvalUsage}`, 2);
  const root = values.root ? resolve(env.cwd, values.root) : env.cwd;

  let approvals: PlatformApproval[];
  try {
    const path = resolve(env.cwd, sources[0]!);
    const payload: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const pr = values.pr ? Number(values.pr) : undefined;
    approvals = values.gitlab !== undefined ? approvalsFromGitLab(payload) : approvalsFromGitHub(payload, values.gitea !== undefined ? 'gitea' : 'github', pr);
  } catch (error) {
    if (error instanceof PayloadError) return fail(`平台数据有误：${error.message}`);
    return fail(`读不了平台数据 ${sources[0]}：${(error as Error).message}`);
  }
  if (approvals.length === 0) return fail('合并请求还没有人批准（平台数据中没有 approved 的评审）：没有写入批准记录');

  const set = loadDocumentSet(root);
  const org = set.organization.data;
  if (!org) return fail('organization.yaml 缺失或有误，无法由平台身份查到批准人：请先运行 npm run check 改正');
  const people = indexPeople(org);

  let docs: ControlledDocument[];
  if (values.doc) {
    docs = [];
    for (const number of values.doc) {
      const doc = set.documents.find((d) => d.data.number === number);
      if (!doc) return fail(`找不到编号为 ${number} 的文件`);
      docs.push(doc);
    }
  } else {
    try {
      const changes = compareWithBase(set, readBaseDocuments(gitRunner(root), values.base!), values.base!);
      docs = [...changes.added, ...changes.pairs.filter((p) => p.base.fields.version !== p.doc.data.version).map((p) => p.doc)].filter((d) => isCurrent(d) && d.data.number && d.data.version);
    } catch (error) {
      return fail(`读不了基线 ${values.base}：${(error as Error).message}`);
    }
    if (docs.length === 0) return { exitCode: 0, stdout: `与 ${values.base} 相比没有新增或换版的文件：没有需要记录的批准\n`, stderr: '' };
  }

  const known = approvals.flatMap((a) => {
    const person = people.byIdentity(a.identity);
    return person ? [{ approval: a, person }] : [];
  });
  if (known.length === 0) {
    const names = approvals.map((a) => `${a.identity}${a.displayName ? `（${a.displayName}）` : ''}`).join('、');
    return fail(`批准人 ${names} 不在 organization.yaml 的人员名单中：请在其 people 条目的 usernames（或 emails）中登记这个平台身份，再重新记录`);
  }
  const commit = values.commit ?? env.environment?.CI_COMMIT_SHA;
  const existing = existsSync(join(root, approvalsPath)) ? readFileSync(join(root, approvalsPath), 'utf8') : undefined;
  const already = set.approvals?.data?.records ?? [];
  const records: ApprovalRecord[] = [];
  for (const doc of docs) {
    // Several people may approve one PR: the one the document names as approver is its evidence.
    const chosen = known.find((k) => k.person.name === doc.data.approvedBy) ?? known[known.length - 1]!;
    const sha = chosen.approval.commit ?? commit;
    if (!sha) return fail('缺少被批准的提交：GitLab 请加 --commit $CI_COMMIT_SHA');
    if (!chosen.approval.time) return fail('平台数据中没有批准时间（submitted_at / approved_at / updated_at）');
    const record: ApprovalRecord = {
      number: doc.data.number!,
      version: doc.data.version!,
      approver: chosen.person.name,
      identity: chosen.approval.identity,
      platform: chosen.approval.platform,
      pr: chosen.approval.pr,
      time: chosen.approval.time,
      commit: sha,
    };
    if (already.some((r) => r.number === record.number && r.version === record.version && r.pr === record.pr && r.identity === record.identity)) continue;
    records.push(record);
  }
  if (records.length === 0) return { exitCode: 0, stdout: '这些批准已经记录过了\n', stderr: '' };
  const text = appendRecords(existing, records);
  const target = join(root, approvalsPath);
  // Written beside and renamed, so an interrupted run leaves the earlier records as they were.
  writeFileSync(`${target}.tmp`, text);
  renameSync(`${target}.tmp`, target);
  const lines = records.map((r) => `  ${r.number} ${r.version}：${r.approver}（${r.identity}）批准，合并请求 ${r.platform === 'gitlab' ? '!' : '#'}${r.pr}`);
  return { exitCode: 0, stdout: `已在 ${approvalsPath} 追加 ${records.length} 条批准记录：\n${lines.join('\n')}\n`, stderr: '' };
}

const header = `# 批准记录（approvals.yaml）
#
# 每条记录证明一个文件版本经合并请求批准：由 CI 在合并请求合并时运行
# npm run approval -- record 自动追加。已有记录不得修改或删除（npm run check --base 会拒绝），
# 经会议审议通过的版本不在此登记，而在文件的 decision 字段中写明。
records:
`;

/** Appends records at the end, leaving every earlier byte as it was (change control compares them). */
export function appendRecords(existing: string | undefined, records: ApprovalRecord[]): string {
  let text = existing ?? header;
  text = text.replace(/^records:\s*\[\s*\]\s*$/m, 'records:');
  if (!text.endsWith('\n')) text += '\n';
  const body = records
    .map((r) => `  - ${yaml.dump(r, { flowLevel: 0, lineWidth: -1, quotingType: "'" }).trim()}`)
    .join('\n');
  return `${text}${body}\n`;
}
