import { parentPort } from 'node:worker_threads';
import type { ExtractJob, WorkerMessage } from '../extract-protocol';

// A reader thread for tests: files named stall-*, hog-* and crash-* misbehave (spin past any timeout, fill the heap,
// exit mid-job); every other file goes to the real reader, loaded below, so a thread that survives keeps working.

const TEN_MINUTES = 600_000;

parentPort?.on('message', (job: ExtractJob) => {
  if (job.fileName.startsWith('stall-')) {
    const progress: WorkerMessage = { type: 'progress', id: job.id, done: 0, total: 1 };
    parentPort?.postMessage(progress);
    // Synchronous on purpose: only terminating the thread can stop it. Bounded so a broken test cannot hang forever.
    const until = Date.now() + TEN_MINUTES;
    let spins = 0;
    while (Date.now() < until) spins += 1;
    throw new Error(`stall-worker spun ${spins} times without being terminated`);
  }
  if (job.fileName.startsWith('hog-')) {
    const hoard: number[][] = [];
    for (let index = 0; index < 10_000_000; index += 1) hoard.push(new Array<number>(10_000).fill(index));
    throw new Error(`hog-worker kept ${hoard.length} arrays without running out of memory`);
  }
  if (job.fileName.startsWith('crash-')) process.exit(3);
});

// Imported after the listener above is in place, so that listener sees each job first.
void import('../extract-worker');
