import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedFlowchart, parseMermaidError, renderFlowchartsReporting } from '../../src/render/mermaid.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

describe('parseMermaidError', () => {
  it('reads the line of a parse error', () => {
    expect(parseMermaidError("Parse error on line 3:\n...A --> B\n-----^\nExpecting 'SQE', got 'EOF'")).toEqual({
      message: "Parse error on line 3: ...A --> B -----^ Expecting 'SQE', got 'EOF'",
      line: 3,
    });
  });
});

describe('renderFlowcharts', () => {
  it('renders a flowchart to SVG with text labels once, and reports a broken one with its line', { timeout: 60_000 }, async () => {
    const cacheDir = testTempDir('mermaid-');
    const good = 'flowchart TD\n  A["提交申请"] --> B{"审核"}\n  B -- 通过 --> C["发布"]';
    const bad = 'flowchart TD\n  A --> B\n  B -->\n  C[x';
    const first = await renderFlowchartsReporting([good, bad, good], { cacheDir });
    const svg = first.svgs.get(good)!;
    expect(svg).toMatch(/^<svg[^>]*role="img"/);
    expect(svg).toContain('提交申请');
    expect(svg).not.toContain('foreignObject');
    expect(first.errors.get(bad)!.line).toBe(4);
    expect(cachedFlowchart(good, cacheDir)).toBe(svg);
  });
});
