import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseCheckJson, toCodeQuality } from '../../src/authoring/code-quality.ts';
import { normalizeBase } from '../../src/site/build/base-path.ts';
import { projectRoot } from './helpers.ts';

const scripts = Object.keys((JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

function load(path: string): Record<string, unknown> {
  const doc = parseDocument(readFileSync(join(projectRoot, path), 'utf8'));
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  return doc.toJS() as Record<string, unknown>;
}

/** Every shell line of a workflow or pipeline, wherever it sits (run:, script:, after_script:). */
function commands(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => commands(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (['run', 'script', 'before_script', 'after_script'].includes(key)) out.push(...[value].flat().map(String));
      else commands(value, out);
    }
  }
  return out;
}

function npmScriptsCalled(lines: string[]): string[] {
  return lines.flatMap((l) => [...l.matchAll(/npm run(?: -{1,2}[a-z]+)* ([\w:-]+)/g)].map((m) => m[1]!));
}

function nodeScriptsCalled(lines: string[]): string[] {
  return lines.flatMap((l) => [...l.matchAll(/node (scripts\/[\w./-]+\.ts)/g)].map((m) => m[1]!));
}

describe('CI templates', () => {
  it('GitHub Actions: valid YAML, full history, annotations, change control against the base, artefacts, Pages on main', () => {
    const wf = load('.github/workflows/shoukong.yml') as { on: Record<string, unknown>; jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }> };
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['pull_request', 'push', 'schedule']));
    // Rebuilt daily in the institution's time zone, so a version approved for a later date takes effect on the day (issue 24).
    expect((wf.on as { schedule: { cron: string }[] }).schedule).toEqual([{ cron: '5 16 * * *' }]);
    expect((wf as { env?: Record<string, string> }).env?.TZ).toBe('Asia/Shanghai');
    const lines = commands(wf);
    expect(lines).toContain('npm run check -- --format github');
    expect(lines).toContain('npm run check -- --base "origin/${{ github.base_ref }}" --summary pr-summary.md --pack-link "${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}#artifacts"');
    expect(lines).toContain('cat pr-summary.md >> "$GITHUB_STEP_SUMMARY"');
    // Merged pull requests record their approver; pull requests keep the approval pack (issue 18).
    expect(lines.some((l) => l.includes('npm run approval -- record --github'))).toBe(true);
    expect(lines.some((l) => l.startsWith('npm run pack -- --base'))).toBe(true);
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps ?? []);
    for (const s of steps.filter((s) => s.uses?.startsWith('actions/checkout'))) expect(s.with?.['fetch-depth']).toBe(0);
    expect(steps.map((s) => s.uses?.split('@')[0])).toEqual(expect.arrayContaining(['actions/upload-artifact', 'actions/github-script', 'actions/upload-pages-artifact', 'actions/deploy-pages']));
  });

  it('GitHub Actions: the Pages build gets the base path of the Pages site (/<仓库名>/ for a project site)', () => {
    type Step = { id?: string; uses?: string; run?: string; env?: Record<string, string> };
    const wf = load('.github/workflows/shoukong.yml') as { jobs: Record<string, { steps?: Step[] }> };
    const steps = wf.jobs.publish?.steps ?? [];
    const pages = steps.findIndex((s) => s.uses?.startsWith('actions/configure-pages'));
    const build = steps.findIndex((s) => s.run?.startsWith('npm run build'));
    expect(steps[pages]?.id).toBe('pages');
    expect(pages).toBeLessThan(build);
    expect(steps[build]?.env?.SHOUKONG_BASE).toBe('${{ steps.pages.outputs.base_path }}');
    // configure-pages gives "/<仓库名>", or "" for a custom domain or a <用户名>.github.io repository.
    expect(['/shoukong', '/shoukong/', ''].map(normalizeBase)).toEqual(['/shoukong/', '/shoukong/', '/']);
    // Pull requests build an artefact for the reviewers, at the root.
    expect(wf.jobs['pull-request']?.steps?.find((s) => s.run?.startsWith('npm run build'))?.env).toBeUndefined();
  });

  it('GitLab CI: the build takes the base path from CI_PAGES_URL before npm run build', () => {
    const ci = load('.gitlab-ci.yml') as Record<string, { script?: string[] }>;
    const script = ci.build?.script ?? [];
    const line = script.find((l) => l.includes('SHOUKONG_BASE'));
    expect(line).toBeDefined();
    expect(script.indexOf(line!)).toBeLessThan(script.indexOf('npm run build'));
    // Run the line as the runner's shell does, for a project path and for a unique domain.
    const baseFor = (url: string) => {
      const result = spawnSync('sh', ['-c', `${line}\nprintf '%s' "$SHOUKONG_BASE"`], { encoding: 'utf8', env: { ...process.env, CI_PAGES_URL: url } });
      expect(result.stderr).toBe('');
      return normalizeBase(result.stdout);
    };
    expect(baseFor('https://jmi.gitlab.io/shoukong')).toBe('/shoukong/');
    expect(baseFor('https://zlb.gitlab.io/group/sub/shoukong')).toBe('/group/sub/shoukong/');
    expect(baseFor('https://shoukong-0a1b2c.gitlab.io')).toBe('/');
    expect(baseFor('')).toBe('/');
  });

  it('GitLab CI: valid YAML, GIT_DEPTH 0, code quality report, summary artefact, pages job on the default branch', () => {
    const ci = load('.gitlab-ci.yml') as Record<string, { artifacts?: { reports?: Record<string, string>; paths?: string[] } }> & { variables: Record<string, string> };
    expect(ci.variables.GIT_DEPTH).toBe('0');
    expect(ci.variables.TZ).toBe('Asia/Shanghai');
    expect(ci.check?.artifacts?.reports?.codequality).toBe('gl-code-quality-report.json');
    expect(ci.check?.artifacts?.paths).toContain('pr-summary.md');
    expect(ci.build?.artifacts?.paths).toEqual(['dist/']);
    expect(ci.pages?.artifacts?.paths).toEqual(['public']);
    expect(commands(ci)).toContain('npm run check -- --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --summary pr-summary.md --pack-link "$CI_JOB_URL/artifacts/file/审批材料.html"');
    // The approval pack sits beside the summary it is linked from (issue 18).
    expect(ci.check?.artifacts?.paths).toContain('审批材料.html');
    expect(commands(ci).some((l) => l.includes('npm run approval -- record --gitlab approvals.json'))).toBe(true);
  });

  it('both call only npm scripts that exist in package.json and node scripts that exist', () => {
    const lines = [...commands(load('.github/workflows/shoukong.yml')), ...commands(load('.gitlab-ci.yml'))];
    const called = npmScriptsCalled(lines);
    expect(called).toEqual(expect.arrayContaining(['check', 'build']));
    expect(called.filter((s) => !scripts.includes(s))).toEqual([]);
    const files = nodeScriptsCalled(lines);
    expect(files).toEqual(['scripts/code-quality.ts']);
    for (const f of files) expect(existsSync(join(projectRoot, f)), f).toBe(true);
  });

  it('turns the check’s JSON (after npm’s banner) into a GitLab Code Quality report', () => {
    const out = '\n> shoukong@0.1.0 check\n> node scripts/check.ts --format json\n\n' + JSON.stringify([{ file: 'content/a.mdx', line: 3, column: 9, endLine: 3, endColumn: 12, severity: 'error', ruleId: 'number/pattern', message: '编号 "X" 不符合' }]);
    const [issue] = toCodeQuality(parseCheckJson(out));
    expect(issue).toMatchObject({ check_name: 'number/pattern', severity: 'major', location: { path: 'content/a.mdx', lines: { begin: 3 } }, description: '编号 "X" 不符合（number/pattern）' });
    expect(issue!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });
});
