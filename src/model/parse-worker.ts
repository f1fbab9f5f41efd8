/** A worker thread that parses a share of the content files for loadDocumentSetInParallel. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { parseFile } from './parse-file.ts';

const { root, paths } = workerData as { root: string; paths: string[] };
parentPort!.postMessage(paths.map((path) => parseFile(path, readFileSync(join(root, path)))));
