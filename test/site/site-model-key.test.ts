/**
 * siteModelKey decides when a build reuses the site model of the build before (load-site.ts): it must
 * change with everything the model is made from, and only then. The first test holds the model to
 * reading, of each document's file, no more than the key covers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument, loadDocumentSet, type ControlledDocument, type DocumentSet } from '../../src/model/load.ts';
import { statusDecision } from '../../src/history/in-force-today.ts';
import { buildSiteModel, siteModelKey } from '../../src/site/view/site-model.ts';

const root = join(import.meta.dirname, '../..');
const procedure = 'content/procedures/jmi-cx-13.mdx';
let set: DocumentSet;
beforeAll(() => {
  set = loadDocumentSet(root);
});

/** The set with one document loaded again from `edit` of its text (a new object, as a rebuild loads it). */
function edited(path: string, edit: (text: string) => string): DocumentSet {
  const text = edit(readFileSync(join(root, path), 'utf8'));
  return { ...set, documents: set.documents.map((d) => (d.path === path ? loadDocument(path, new TextEncoder().encode(text)) : d)) };
}

/** Every property path read under `value` (array indexes as *), into `seen`. */
function watched<T extends object>(value: T, path: string, seen: Set<string>): T {
  return new Proxy(value, {
    get(target, key, receiver) {
      const inner = Reflect.get(target, key, receiver);
      if (typeof key === 'symbol' || typeof inner === 'function' || key === 'length') return inner;
      const at = `${path}.${/^\d+$/.test(key) ? '*' : key}`;
      seen.add(at);
      return typeof inner === 'object' && inner !== null ? watched(inner, at, seen) : inner;
    },
  });
}

describe('site model key', () => {
  it('the model reads of a file only its body references, flowcharts and path (its fields come from the frontmatter the key holds)', () => {
    const seen = new Set<string>();
    const documents: ControlledDocument[] = set.documents.map((d) => ({ ...d, file: watched(d.file, 'file', seen) }));
    const fromSet = new Set<string>();
    buildSiteModel(new Proxy({ ...set, documents }, { get: (target, key, receiver) => (typeof key === 'string' && fromSet.add(key), Reflect.get(target, key, receiver)) }));
    // Of the set: the documents and the data files the key holds, nothing else (not the distribution register, not the root).
    expect([...fromSet].filter((key) => !['documents', 'organization', 'frameworks', 'approvals'].includes(key))).toEqual([]);
    expect(fromSet).toContain('documents');
    // The graph keeps each reference's span for findings (…refs.*.span), but nothing reads into it here.
    const allowed = ['file.path', 'file.body', 'file.body.refs', 'file.body.refs.*', 'file.body.refs.*.target', 'file.body.refs.*.span', 'file.body.mermaid', 'file.body.mermaid.*', 'file.body.mermaid.*.code'];
    expect([...seen].filter((path) => !allowed.includes(path))).toEqual([]);
    // The example has both, so the test sees them read.
    expect(seen).toContain('file.body.refs.*.target');
    expect(seen).toContain('file.body.mermaid.*.code');
  });

  it('stays the same when only prose changes, and the model is then the same', () => {
    const prose = edited(procedure, (t) => `${t}\n补充一段说明，没有引用。\n`);
    expect(siteModelKey(prose)).toBe(siteModelKey(set));
    expect(JSON.stringify(buildSiteModel(prose))).toBe(JSON.stringify(buildSiteModel(set)));
  });

  it('changes with a field, a body reference, a flowchart, a data file and a decision', () => {
    const key = siteModelKey(set);
    const flow = set.documents.find((d) => d.file.body.mermaid.length > 0)!;
    const variants: Record<string, string> = {
      title: siteModelKey(edited(procedure, (t) => t.replace(/^title: .*$/m, 'title: 改过的标题'))),
      reference: siteModelKey(edited(procedure, (t) => `${t}\n另见 [[JMI/BZ/1-01]]。\n`)),
      flowchart: siteModelKey(edited(flow.path, (t) => t.replace(/```mermaid\n/, '```mermaid\n%% 改动\n'))),
      organization: siteModelKey({ ...set, organization: { ...set.organization, data: { ...set.organization.data!, institution: { ...set.organization.data!.institution, name: '另一所学院' } } } }),
      decision: siteModelKey(set, (d) => (d.path === procedure ? { ...statusDecision(d), label: '已批准，待生效（2099-01-01 起）' } : statusDecision(d))),
    };
    for (const [change, changed] of Object.entries(variants)) expect(changed, change).not.toBe(key);
    expect(new Set(Object.values(variants)).size).toBe(Object.keys(variants).length);
  });
});
