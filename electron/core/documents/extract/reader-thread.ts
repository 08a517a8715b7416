import type { Worker } from 'node:worker_threads';
import type { Logger } from '../../ports';
import type { ExtractFailureCode } from './extract-types';
import type { ExtractJob, ParsedText, WorkerMessage } from './extract-protocol';
import { findPdfjsDir, startWorkerThread, type ReaderWorkerData } from './worker-script';

/** How one job on a reader thread ended. */
export type ThreadOutcome =
  | { readonly kind: 'done'; readonly result: ParsedText; readonly parseMs: number; readonly heapUsedBytes: number }
  | {
      readonly kind: 'failed';
      readonly code: ExtractFailureCode;
      readonly reason: string;
      readonly detail?: string | undefined;
    }
  /** The thread is gone: terminated for the timeout or the abort, killed by its heap cap, or crashed. */
  | { readonly kind: 'stopped'; readonly why: 'timeout' | 'aborted' | 'out-of-memory' | 'crashed'; readonly detail?: string };

/** How the caller watches one job. */
export interface RunControls {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

interface CurrentJob {
  readonly id: number;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  readonly settle: (outcome: ThreadOutcome) => void;
}

/**
 * One worker thread with a capped heap that runs extraction jobs one at a time. A job that overruns its time or is
 * aborted terminates the thread; so does the heap cap (Node stops the thread with ERR_WORKER_OUT_OF_MEMORY). Whatever
 * stops the thread, the pending job settles only once the thread has exited, so a `stopped` outcome means the thread
 * is really gone.
 */
export class ReaderThread {
  readonly #worker: Worker;
  #current: CurrentJob | undefined;
  #stopReason: { why: 'timeout' | 'aborted' | 'out-of-memory' | 'crashed'; detail?: string } | undefined;
  #exited = false;
  readonly #exitedPromise: Promise<void>;

  /**
   * @param onExit called synchronously when the thread exits, before a pending job settles, so whoever counts live
   * threads is up to date by the time the caller sees the outcome.
   */
  constructor(
    script: URL,
    readonly maxHeapMb: number,
    private readonly logger?: Logger,
    onExit?: () => void,
  ) {
    const workerData: ReaderWorkerData = { pdfjsDir: findPdfjsDir() };
    this.#worker = startWorkerThread(script, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      // Not the parent's flags: under tsx they would load its TypeScript loader into the reader, which runs a plain bundle.
      execArgv: [],
      // What pdf.js prints (routine warnings about fonts, rendering polyfills, damaged objects) goes to the log as
      // debug output instead of the terminal: failures reach the caller as messages, never as printed text.
      stdout: true,
      stderr: true,
    });
    this.#worker.stdout.on('data', (chunk: Buffer) => {
      this.#log(chunk);
    });
    this.#worker.stderr.on('data', (chunk: Buffer) => {
      this.#log(chunk);
    });
    this.#worker.on('message', (message: WorkerMessage) => {
      this.#onMessage(message);
    });
    this.#worker.on('error', (error: Error) => {
      const code = (error as { code?: unknown }).code;
      this.#stopReason ??=
        code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { why: 'out-of-memory', detail: error.message }
          : { why: 'crashed', detail: `${error.name}: ${error.message}` };
    });
    this.#exitedPromise = new Promise((resolve) => {
      this.#worker.on('exit', (exitCode: number) => {
        this.#exited = true;
        onExit?.();
        const current = this.#current;
        this.#current = undefined;
        current?.settle({ kind: 'stopped', ...(this.#stopReason ?? { why: 'crashed', detail: `exit code ${exitCode}` }) });
        resolve();
      });
    });
  }

  /** False once the thread has exited for any reason; a dead thread is replaced, never reused. */
  get alive(): boolean {
    return !this.#exited && this.#stopReason === undefined;
  }

  /** Runs one job; never rejects. The caller must not start another before this one settles. */
  run(job: ExtractJob, controls: RunControls): Promise<ThreadOutcome> {
    if (!this.alive) return Promise.resolve({ kind: 'stopped', why: 'crashed', detail: 'the reader thread had exited' });
    return new Promise<ThreadOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.#stop('timeout');
      }, controls.timeoutMs);
      const onAbort = (): void => {
        this.#stop('aborted');
      };
      controls.signal?.addEventListener('abort', onAbort, { once: true });
      this.#current = {
        id: job.id,
        onProgress: controls.onProgress,
        settle: (outcome) => {
          clearTimeout(timer);
          controls.signal?.removeEventListener('abort', onAbort);
          resolve(outcome);
        },
      };
      this.#worker.ref();
      // The thread gets its own copy of the bytes (transferred, not cloned again); the caller's stay untouched.
      const bytes = job.bytes.slice();
      this.#worker.postMessage({ ...job, bytes }, [bytes.buffer]);
      if (controls.signal?.aborted === true) onAbort();
    });
  }

  /** Lets the process exit while the thread waits for work. */
  idle(): void {
    this.#worker.unref();
  }

  /** Stops the thread (a pending job settles as `crashed` unless a reason was already set); resolves once it exited. */
  async terminate(): Promise<void> {
    this.#stopReason ??= { why: 'crashed', detail: 'the reader thread was closed' };
    await this.#worker.terminate();
    await this.#exitedPromise;
  }

  #stop(why: 'timeout' | 'aborted'): void {
    this.#stopReason ??= { why };
    void this.#worker.terminate();
  }

  #onMessage(message: WorkerMessage): void {
    const current = this.#current;
    if (current?.id !== message.id) return;
    switch (message.type) {
      case 'progress':
        try {
          current.onProgress?.(message.done, message.total);
        } catch (error: unknown) {
          this.logger?.log('warn', 'text extraction: a progress callback threw', { error: String(error) });
        }
        return;
      case 'done':
        this.#current = undefined;
        current.settle({ kind: 'done', result: message.result, parseMs: message.parseMs, heapUsedBytes: message.heapUsedBytes });
        return;
      case 'failed':
        this.#current = undefined;
        current.settle({ kind: 'failed', code: message.code, reason: message.reason, detail: message.detail });
        return;
    }
  }

  #log(chunk: Buffer): void {
    const text = chunk.toString('utf8').trim();
    if (text.length > 0) this.logger?.log('debug', 'text extraction: reader output', { output: text.slice(0, 2000) });
  }
}
