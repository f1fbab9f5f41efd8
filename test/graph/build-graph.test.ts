import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build-graph.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { buildSet, removeSet } from '../helpers/fixture-set.ts';

const root = buildSet();
afterAll(() => removeSet(root));
const set = loadDocumentSet(root);
const graph = buildGraph(set);
const doc = (number: string) => graph.byNumber.get(number)!;

describe('the relation graph of the base set', () => {
  it('stores every frontmatter reference in both directions, typed', () => {
    const procedure = doc('JMI/CX/13');
    expect(graph.outgoing(procedure, 'regulation').map((e) => e.to?.data.number)).toEqual(['JMI/ZD/13-01']);
    expect(graph.incoming(doc('JMI/ZD/13-01')).map((e) => `${e.kind} ${e.from.data.number}`).sort()).toEqual(['criterion JMI/LC/13-01', 'regulation JMI/CX/13']);
    expect(graph.incoming(procedure, 'parent').map((e) => e.from.data.number).sort()).toEqual(['JMI/JL/13-01', 'JMI/LC/13-01']);
    expect(graph.incoming(procedure, 'implementation').map((e) => e.from.data.number)).toEqual(['JMI/SC/07']);
  });

  it('resolves [[refs]] in flow inputs and in the body, with the place they are written', () => {
    const flow = doc('JMI/LC/13-01');
    const input = graph.outgoing(flow, 'input')[0]!;
    // The span is the [[…]] inside the quoted value "[[JMI/JL/13-01]]", not the whole value.
    expect([input.target, input.to?.path, input.span]).toEqual(['JMI/JL/13-01', 'content/records/jmi-jl-13-01.mdx', { start: { line: 22, column: 6 }, end: { line: 22, column: 22 } }]);
    const mentions = graph.outgoing(doc('JMI/CX/13'), 'mention');
    expect(mentions.map((e) => [e.target, e.span.start.line, e.span.start.column])).toEqual([
      ['JMI/LC/13-01', 35, 3],
      ['JMI/JL/13-01', 35, 35],
    ]);
  });

  it('resolves every reference of the valid base set', () => {
    expect(graph.edges.filter((e) => !e.to)).toEqual([]);
    expect(graph.edges.length).toBeGreaterThan(10);
  });

  it('leaves an unresolved reference with no target instead of dropping it', () => {
    const procedurePath = 'content/procedures/jmi-cx-13.mdx';
    const text = readFileSync(join(root, procedurePath), 'utf8');
    expect(text).toContain('regulations: [JMI/ZD/13-01]\n');
    const unresolvedRoot = buildSet({ [procedurePath]: text.replace('regulations: [JMI/ZD/13-01]\n', 'regulations: [JMI/ZD/13-01, JMI/ZD/13-99]\n') });
    const unresolvedGraph = buildGraph(loadDocumentSet(unresolvedRoot));
    removeSet(unresolvedRoot);
    const procedure = unresolvedGraph.byNumber.get('JMI/CX/13')!;
    const edges = unresolvedGraph.outgoing(procedure, 'regulation');
    expect(edges.map((e) => [e.target, e.to?.data.number])).toEqual([
      ['JMI/ZD/13-01', 'JMI/ZD/13-01'],
      ['JMI/ZD/13-99', undefined],
    ]);
    // Kept with the place it is written (line 22, column 29: the second item of the regulations list), so ref/unknown-target can point at it.
    expect(edges[1]!.span).toEqual({ start: { line: 22, column: 29 }, end: { line: 22, column: 41 } });
    expect(unresolvedGraph.edges.filter((e) => !e.to).map((e) => [e.kind, e.from.data.number, e.target])).toEqual([['regulation', 'JMI/CX/13', 'JMI/ZD/13-99']]);
  });
});

describe('references inside frontmatter text', () => {
  it('point at the [[…]] in a plain value, and at the whole value when the text is folded over lines', () => {
    const flowPath = 'content/flows/jmi-lc-13-01.mdx';
    const flowRoot = buildSet({
      [flowPath]: readFileSync(join(root, flowPath), 'utf8').replace('  - 新版受控文件', '  - 登记表 [[JMI/JL/13-01]]\n  - >-\n    另见\n    [[JMI/JL/13-01]]'),
    });
    const outputs = buildGraph(loadDocumentSet(flowRoot)).edges.filter((e) => e.kind === 'output');
    removeSet(flowRoot);
    expect(outputs.map((e) => [e.span.start, e.span.end])).toEqual([
      [{ line: 24, column: 9 }, { line: 24, column: 25 }],
      [{ line: 25, column: 5 }, { line: 28, column: 1 }],
    ]);
  });
});
