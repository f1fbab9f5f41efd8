/** A worker thread that renders a share of the document bodies for LoadedSite.renderBodies. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { bodyOf, renderBody, type ResolvedRef } from '../render/body-html.ts';
import { flowchartSlot } from './flowchart-slots.ts';

/** What the main thread hands over: the files to render, what `resolve` answers, the charts that have an SVG. */
export interface RenderWork {
  root: string;
  files: { number: string; path: string }[];
  targets: [string, ResolvedRef][];
  charts: string[];
}

const { root, files, targets, charts } = workerData as RenderWork;
const byNumber = new Map(targets);
const drawn = new Set(charts);
parentPort!.postMessage(
  files.map(({ number, path }) => ({
    number,
    body: renderBody(bodyOf(readFileSync(join(root, path), 'utf8')), {
      resolve: (n) => byNumber.get(n),
      flowchart: (code) => (drawn.has(code) ? flowchartSlot(code) : undefined),
    }),
  })),
);
