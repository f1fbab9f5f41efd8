import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocumentSet } from '../../src/model/load.ts';
import { cmsBackendFromEnv } from '../../src/site/cms/cms-backend.ts';
import { cmsConfig } from '../../src/site/cms/cms-config.ts';
import { nextChildNumber, procedurePart } from '../../src/authoring/numbering.ts';
import { usedNumbers } from '../../src/authoring/scaffold.ts';

const set = loadDocumentSet(join(import.meta.dirname, '../..'));
type Field = { name: string; label: string; widget: string; hint?: string; options?: { label: string; value: string }[]; multiple?: boolean; modes?: string[]; fields?: Field[]; default?: unknown };
type Collection = { name: string; label: string; folder: string; format: string; fields: Field[] };

describe('the web editor configuration', () => {
  const config = cmsConfig(set, { backend: cmsBackendFromEnv({}), localBackend: false }) as { collections: Collection[]; locale: string; publish_mode: string; local_backend?: unknown; shoukong: { nextNumbers: Record<string, unknown> } };
  const procedure = config.collections.find((c) => c.name === 'procedure')!;
  const field = (c: Collection, name: string) => c.fields.find((f) => f.name === name)!;

  it('has one collection per type and folder, in Chinese, with the editorial workflow and no local backend on the published site', () => {
    expect(config.collections.map((c) => `${c.label} ${c.folder}`)).toEqual(['质量手册 content/manual', '程序文件 content/procedures', '流程 content/flows', '标准 content/standards', '制度 content/regulations', '质量记录 content/records', '外来文件 content/external']);
    expect(config.locale).toBe('zh_Hans');
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.local_backend).toBeUndefined();
    expect(procedure.format).toBe('shoukong-mdx');
    const external = config.collections.find((c) => c.name === 'external')!;
    expect(field(external, 'status').options!.map((o) => o.label)).toEqual(['待登记（draft）', '现行有效（effective）', '已废止（obsolete）']);
  });

  it('takes labels and hints from the schemas, and offers selects for status, departments and references', () => {
    expect(field(procedure, 'effectiveDate')).toMatchObject({ label: '生效日期', widget: 'string' });
    expect(field(procedure, 'effectiveDate').hint).toContain('当前版本的生效日期');
    expect(field(procedure, 'status').options!.map((o) => o.value)).toEqual(['draft', 'effective', 'obsolete']);
    expect(field(procedure, 'owners')).toMatchObject({ widget: 'select', multiple: true });
    expect(field(procedure, 'owners').options!.map((o) => o.value)).toContain('质管办');
    expect(field(procedure, 'regulations').options!.map((o) => o.value)).toContain('JMI/ZD/13-02');
    expect(field(procedure, 'revisions').fields!.map((f) => f.label)).toEqual(['版本', '修订日期', '修订内容', '修订人']);
    expect(field(procedure, 'body')).toMatchObject({ widget: 'markdown', modes: ['raw'] });
    // cooperating (all or a list) has no Decap widget: left out of the form and kept as written.
    expect(procedure.fields.some((f) => f.name === 'cooperating')).toBe(false);
  });

  it('offers the next free number as npm run new would', () => {
    expect(field(procedure, 'number').default).toBe(config.shoukong.nextNumbers.procedure);
    expect(config.shoukong.nextNumbers.procedure).toMatch(/^JMI\/CX\/\d{2}$/);
    expect((config.shoukong.nextNumbers.flow as Record<string, string>)['JMI/CX/13']).toBe('JMI/LC/13-03');
  });

  it('gives every procedure the next number of each kind that npm run new gives from the whole set', () => {
    const org = set.organization.data!;
    const used = usedNumbers(set);
    let compared = 0;
    for (const type of ['flow', 'regulation', 'record'] as const) {
      for (const [procedure, next] of Object.entries(config.shoukong.nextNumbers[type] as Record<string, string>)) {
        expect(next, `${type} ${procedure}`).toBe(nextChildNumber(org, type, procedurePart(org, procedure), used));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(30);
  });

  it('reads the backend from SHOUKONG_CMS_* and refuses an unknown one', () => {
    expect(cmsBackendFromEnv({ SHOUKONG_CMS_BACKEND: 'gitea', SHOUKONG_CMS_REPO: 'zlb/docs', SHOUKONG_CMS_BASE_URL: 'https://git.example.edu.cn', SHOUKONG_CMS_API_ROOT: 'https://git.example.edu.cn/api/v1', SHOUKONG_CMS_APP_ID: 'abc' })).toEqual({
      name: 'gitea', repo: 'zlb/docs', branch: 'main', base_url: 'https://git.example.edu.cn', api_root: 'https://git.example.edu.cn/api/v1', app_id: 'abc', auth_type: 'pkce',
    });
    expect(() => cmsBackendFromEnv({ SHOUKONG_CMS_BACKEND: 'svn' })).toThrow('SHOUKONG_CMS_BACKEND="svn" 不受支持');
  });
});
