/**
 * Flowcharts in stored bodies: the content store keeps a small slot naming the chart instead of its
 * SVG (tens of kilobytes each, already kept in the flowchart cache), and the page fills the slot in
 * when it is written. The store, which Astro serialises and bundles whole, stays a fraction of the size.
 */
import { flowchartKey } from '../../render/mermaid.ts';

const slotPattern = /<shoukong-flowchart data-key="([0-9a-f]{40})"><\/shoukong-flowchart>/g;

/** The slot standing for the flowchart of this mermaid source. */
export function flowchartSlot(code: string): string {
  return `<shoukong-flowchart data-key="${flowchartKey(code)}"></shoukong-flowchart>`;
}

/** The keys of the flowcharts a body's slots name, in order. */
export function slotKeys(html: string): string[] {
  return [...html.matchAll(slotPattern)].map((m) => m[1]!);
}

/** Replaces every slot with its SVG; a chart that cannot be found says so instead of vanishing. */
export function fillFlowcharts(html: string, svgOf: (key: string) => string | undefined): string {
  return html.replace(slotPattern, (_slot, key: string) => svgOf(key) ?? '<p class="flowchart-missing">流程图暂缺：请重新运行 npm run build。</p>');
}
