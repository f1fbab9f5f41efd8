/** Runs a worker thread that posts one message, its result, and then is done. */
import { Worker } from 'node:worker_threads';

/** The worker's one message; rejects with `what` named when the thread fails or exits early. */
export function workerResult<T>(script: URL, workerData: unknown, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData });
    worker.once('message', (result: T) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${what}异常退出（退出码 ${code}）`));
    });
  });
}
