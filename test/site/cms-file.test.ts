import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMdx, writeMdx } from '../../src/site/cms/cms-file.ts';
import { needsRevision, nextVersion, numberForNew, revisedFields } from '../../src/site/cms/cms-revision.ts';

const root = join(import.meta.dirname, '../../content');
const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
const scheme = { style: 'letter-number', separator: '/' } as const;

describe('the web editor file format', () => {
  it('writes every example document back byte-identical when nothing changed', () => {
    const changed = files.filter((f) => {
      const text = readFileSync(join(root, f), 'utf8');
      return writeMdx(readMdx(text)) !== text;
    });
    expect(files.length).toBeGreaterThan(100);
    expect(changed).toEqual([]);
  });

  it('a one-word edit in the body of JMI/CX/13 changes only that line', () => {
    const text = readFileSync(join(root, 'procedures/jmi-cx-13.mdx'), 'utf8');
    const data = readMdx(text);
    const written = writeMdx({ ...data, body: String(data.body).replace('可靠依据', '坚实依据') });
    const a = text.split('\n');
    const b = written.split('\n');
    expect(b.length).toBe(a.length);
    expect(a.filter((line, i) => line !== b[i])).toEqual([a.find((l) => l.includes('可靠依据'))]);
  });

  it('a new revision is appended in the style of the last one, other lines unchanged', () => {
    const text = readFileSync(join(root, 'procedures/jmi-cx-13.mdx'), 'utf8');
    const data = { ...readMdx(text), body: String(readMdx(text).body).replace('可靠依据', '坚实依据') };
    expect(needsRevision(data)).toBe(true);
    const fields = revisedFields(data, scheme, { summary: '修改目的表述', author: '孙晓燕', today: '2026-12-06' })!;
    const written = writeMdx({ ...data, ...fields });
    expect(written).toContain('version: B/2\nstatus: effective\n');
    expect(written).toContain('effectiveDate: 2026-12-06\n');
    expect(written).toContain('    author: 孙晓燕\n  - version: B/2\n    date: 2026-12-06\n    summary: 修改目的表述\n    author: 孙晓燕\nregulations:');
    const changedLines = written.split('\n').filter((l) => !text.split('\n').includes(l));
    expect(changedLines).toEqual(['version: B/2', 'effectiveDate: 2026-12-06', '  - version: B/2', '    date: 2026-12-06', '    summary: 修改目的表述', expect.stringContaining('坚实依据')]);
  });

  it('counts 修改状态 up, or starts a new edition (换版)', () => {
    expect(nextVersion(scheme, 'B/1', false)).toBe('B/2');
    expect(nextVersion(scheme, 'B/1', true)).toBe('C/0');
    expect(nextVersion({ style: 'number-number', separator: '.' } as never, '2.3', false)).toBe('2.4');
  });

  it('a draft needs no revision record', () => {
    const text = readFileSync(join(root, 'procedures/jmi-cx-13.mdx'), 'utf8').replace('status: effective', 'status: draft');
    const data = readMdx(text);
    expect(needsRevision({ ...data, body: `${String(data.body)}改` })).toBe(false);
  });
});

describe('a new document in the web editor', () => {
  const next = { 'JMI/CX/13': 'JMI/LC/13-03' };
  it('gets the next free number of its procedure when the number is left empty', () => {
    expect(numberForNew({ procedure: 'JMI/CX/13', number: '' }, next)).toBe('JMI/LC/13-03');
    expect(numberForNew({ number: '' }, 'JMI/CX/25')).toBe('JMI/CX/25');
  });
  it('keeps a number the author typed, and never renumbers an existing file', () => {
    expect(numberForNew({ procedure: 'JMI/CX/13', number: 'JMI/LC/13-07' }, next)).toBeUndefined();
    expect(numberForNew({ procedure: 'JMI/CX/13', number: '', __raw: '---\n---\n' }, next)).toBeUndefined();
  });
});
