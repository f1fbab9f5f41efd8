import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillFlowcharts, flowchartSlot, slotKeys } from '../../src/site/astro/flowchart-slots.ts';
import { flowchartKey } from '../../src/render/mermaid.ts';
import { projectRoot } from '../../src/site/build/build-site.ts';
import { builtSite } from './built-site.ts';

const code = 'flowchart TD\n  A["提出申请"] --> B["审核"]';

describe('flowchart slots', () => {
  it('names the chart by its cache key and is filled with its SVG', () => {
    const body = `<p>前</p><figure class="flowchart">${flowchartSlot(code)}</figure><p>后</p>`;
    expect(slotKeys(body)).toEqual([flowchartKey(code)]);
    const filled = fillFlowcharts(body, (key) => (key === flowchartKey(code) ? '<svg id="x"></svg>' : undefined));
    expect(filled).toBe('<p>前</p><figure class="flowchart"><svg id="x"></svg></figure><p>后</p>');
  });

  it('says so when a chart is missing instead of leaving an empty figure', () => {
    expect(fillFlowcharts(flowchartSlot(code), () => undefined)).toContain('流程图暂缺');
  });

  it('keeps SVG out of the content store while flow pages carry it inline', { timeout: 300_000 }, async () => {
    const dist = await builtSite();
    const store = join(projectRoot, '.cache/astro/data-store.json');
    expect(existsSync(store)).toBe(true);
    const text = readFileSync(store, 'utf8');
    expect(text).toContain('shoukong-flowchart');
    expect(text).not.toContain('<svg');
    const page = readFileSync(join(dist, 'flows/jmi-lc-13-01/index.html'), 'utf8');
    expect(page).toMatch(/<figure class="flowchart"><svg/);
    expect(page).not.toContain('shoukong-flowchart');
  });
});
