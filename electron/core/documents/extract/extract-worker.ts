import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { ExtractError } from './extract-error';
import type { ExtractJob, WorkerMessage } from './extract-protocol';
import { loadParser } from './parse-document';
import type { ReaderWorkerData } from './worker-script';

// The reader thread: receives sniffed jobs one at a time and answers each with progress, then `done` or `failed`.
// Its heap is capped by the parent (resourceLimits) and the parent terminates it on timeout or abort, so nothing here
// watches the clock or memory. Bundled separately as dist/electron/extract-worker.cjs.

const port = parentPort;
if (port === null) throw new Error('extract-worker must run as a worker thread');
const { pdfjsDir } = (workerData ?? {}) as ReaderWorkerData;

function post(message: WorkerMessage): void {
  port?.postMessage(message);
}

async function run(job: ExtractJob): Promise<void> {
  try {
    const parse = await loadParser(job.kind, pdfjsDir);
    const started = performance.now();
    const result = await parse(job, (done, total) => {
      post({ type: 'progress', id: job.id, done, total });
    });
    const parseMs = performance.now() - started;
    post({ type: 'done', id: job.id, result, parseMs, heapUsedBytes: getHeapStatistics().used_heap_size });
  } catch (error: unknown) {
    if (error instanceof ExtractError) {
      post({ type: 'failed', id: job.id, code: error.code, reason: error.reason, detail: error.detail });
      return;
    }
    post({
      type: 'failed',
      id: job.id,
      code: 'malformed',
      reason: `${job.fileName} could not be read: it looks damaged.`,
      detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  }
}

port.on('message', (job: ExtractJob) => {
  void run(job);
});
