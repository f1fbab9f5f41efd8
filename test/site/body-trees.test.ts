/** A build parses each body once: the site renders it from the syntax tree the check read. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocumentSet } from '../../src/model/load.ts';
import { takeBodyTree } from '../../src/model/parse-file.ts';
import { bodyOf, renderBody } from '../../src/render/body-html.ts';
import { projectRoot } from '../../src/site/build/build-site.ts';

const options = {
  resolve: (number: string) => (number.endsWith('9') ? undefined : { href: `/docs/${number}/`, title: `《${number}》`, obsolete: number.endsWith('1') }),
  flowchart: (code: string) => `<svg data-lines="${code.split('\n').length}"></svg>`,
};

describe('bodies rendered from the syntax trees the check read', () => {
  it('come out exactly as when rendered from their text, and each tree is given once', () => {
    const set = loadDocumentSet(projectRoot, { keepBodyTrees: true });
    expect(set.documents.length).toBeGreaterThan(100);
    for (const doc of set.documents) {
      const text = bodyOf(readFileSync(join(projectRoot, doc.path), 'utf8'));
      const kept = takeBodyTree(doc.file);
      expect(kept?.body, doc.path).toBe(text);
      expect(renderBody(kept!.tree, options), doc.path).toEqual(renderBody(text, options));
      expect(takeBodyTree(doc.file)).toBeUndefined();
    }
  });

  it('are not kept unless the loader is asked to', () => {
    const set = loadDocumentSet(projectRoot);
    expect(set.documents.filter((doc) => takeBodyTree(doc.file) !== undefined)).toEqual([]);
  });
});
