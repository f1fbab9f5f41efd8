import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocumentSet } from '../src/model/load.ts';
import { printSetup, printJobs } from '../src/print/build-pdfs.ts';
import { inputsHold } from '../src/print/print-inputs.ts';
import { inForceTodayOf, buildToday } from '../src/history/in-force-today.ts';
import { cacheKey } from '../src/print/pdf-cache.ts';
const root = process.argv[2]!;
const inForce = inForceTodayOf(loadDocumentSet(root), buildToday());
const set = inForce.set;
const { ctx, fingerprint } = printSetup(root, set, inForce);
const m = JSON.parse(readFileSync(join(root, '.cache/shoukong/pdf/inputs.json'), 'utf8'));
let bad = new Map<string, number>(); let missing = 0;
for (const j of printJobs(set)) {
  const e = m.entries[cacheKey(fingerprint, j.kind, j.doc.path, j.doc.file.hash)];
  if (!e) { missing++; continue; }
  for (const inp of e.inputs) if (!inputsHold([inp], ctx, set)) bad.set(inp[0] + ' ' + inp[1], (bad.get(inp[0] + ' ' + inp[1]) ?? 0) + 1);
}
console.log('missing', missing, [...bad].slice(0, 20));
