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
    expect([input.target, input.to?.path, input.span.start]).toEqual(['JMI/JL/13-01', 'content/records/jmi-jl-13-01.mdx', { line: 22, column: 5 }]);
    const mentions = graph.outgoing(doc('JMI/CX/13'), 'mention');
    expect(mentions.map((e) => [e.target, e.span.start.line, e.span.start.column])).toEqual([
      ['JMI/LC/13-01', 35, 3],
      ['JMI/JL/13-01', 35, 35],
    ]);
  });

  it('leaves an unresolved reference with no target instead of dropping it', () => {
    expect(graph.edges.filter((e) => !e.to)).toEqual([]);
    expect(graph.edges.length).toBeGreaterThan(10);
  });
});
