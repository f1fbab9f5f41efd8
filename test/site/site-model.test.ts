import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocumentSet } from '../../src/model/load.ts';
import { buildSiteModel, type SiteModel } from '../../src/site/view/site-model.ts';
import { richText } from '../../src/site/view/links.ts';
import { archiveRows, listDefinitions, rowsOfList } from '../../src/site/view/lists.ts';

const root = join(import.meta.dirname, '../..');
let model: SiteModel;
beforeAll(() => {
  model = buildSiteModel(loadDocumentSet(root));
});

describe('site model of the example', () => {
  it('gives JMI/CX/13 its URL, owners and the regulation it relies on, and the regulation the way back', () => {
    const cx13 = model.byNumber.get('JMI/CX/13')!;
    expect(cx13.href).toBe('/procedures/jmi-cx-13/');
    expect(cx13.owners.map((o) => o.href)).toEqual(['/departments/zgb/']);
    const regulations = cx13.relations.find((g) => g.kind === 'regulation' && g.direction === 'outgoing')!;
    expect(regulations.label).toBe('支持性文件');
    expect(regulations.docs.map((d) => d.number)).toEqual(['JMI/ZD/13-02']);
    const zd = model.byNumber.get('JMI/ZD/13-02')!;
    const citedBy = zd.relations.find((g) => g.kind === 'regulation' && g.direction === 'incoming')!;
    expect(citedBy.label).toBe('作为支持性文件被引用');
    expect(citedBy.docs.map((d) => d.number)).toContain('JMI/CX/13');
  });

  it('points the obsolete regulation at its successor and keeps it out of the lists', () => {
    const old = model.byNumber.get('JMI/ZD/13-01')!;
    expect(old.status).toBe('obsolete');
    expect(old.supersededBy.map((d) => d.number)).toEqual(['JMI/ZD/13-02']);
    const regulations = listDefinitions.find((l) => l.slug === 'regulations')!;
    expect(rowsOfList(model.documents, regulations.types).map((r) => r.number)).not.toContain('JMI/ZD/13-01');
    expect(archiveRows(model.documents).map((r) => r.number)).toContain('JMI/ZD/13-01');
  });

  it('fills a flow overview table in the order of the seed, with the input record as a link', () => {
    const flow = model.byNumber.get('JMI/LC/13-01')!;
    expect(flow.flow!.map((r) => r.label)).toEqual(['流程名称', '流程编号', '业务主管部门', '所属岗位', '协作部门', '业务功能', '适用范围', '工作准则', '输入资源', '输出资源', '考核点', '流程接口']);
    const inputs = flow.flow!.find((r) => r.label === '输入资源')!;
    expect(inputs.kind === 'list' && inputs.items[0]).toEqual([{ number: 'JMI/JL/13-01', title: '文件编制（修订）申请表', href: '/records/jmi-jl-13-01/', type: 'record', status: 'effective' }]);
    expect(flow.mermaid).toHaveLength(1);
  });

  it('lists what a department leads and marks coverage gaps', () => {
    const zgb = model.site.departments.find((d) => d.id === 'zgb')!;
    expect(zgb.leads.map((d) => d.number)).toContain('JMI/CX/13');
    const iso = model.site.frameworks.find((f) => f.id === 'iso9001')!;
    expect(iso.rows.find((r) => r.id === '7.5.3')!.covered).toBe(true);
    const zhengai = model.site.frameworks.find((f) => f.id === 'zhengai')!;
    expect(zhengai.grid!.columns.map((c) => c.title)).toEqual(['决策指挥', '质量生成', '资源建设', '支持服务', '监督控制']);
  });
});

describe('richText', () => {
  it('turns [[编号]] into a link and keeps unknown numbers as written', () => {
    const link = { number: 'A/1', title: 't', href: '/x/', type: 'record' as const, status: 'effective' as const };
    expect(richText('见 [[A/1]] 与 [[B/2]]。', (n) => (n === 'A/1' ? link : undefined))).toEqual(['见 ', link, ' 与 ', '[[B/2]]', '。']);
  });

  it('keeps the label of [[编号|显示文字]], shown instead of 编号《标题》 as in the body', () => {
    const link = { number: 'A/1', title: 't', href: '/x/', type: 'record' as const, status: 'effective' as const };
    expect(richText('[[A/1|申请表]]', () => link)).toEqual([{ ...link, label: '申请表' }]);
  });
});
