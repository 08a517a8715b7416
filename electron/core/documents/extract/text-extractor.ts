import type { Logger } from '../../ports';
import type { ExtractJob } from './extract-protocol';
import {
  DEFAULT_EXTRACT_LIMITS,
  type ExtractFailure,
  type ExtractFailureCode,
  type ExtractInput,
  type ExtractLimits,
  type ExtractOptions,
  type ExtractResult,
} from './extract-types';
import { ReaderThread, type ThreadOutcome } from './reader-thread';
import { sniffMediaType } from './sniff-media-type';
import { defaultWorkerScript } from './worker-script';
import { assessZipBudget } from './zip-bomb-guard';

/** How a `TextExtractor` runs its reader thread. */
export interface TextExtractorConfig {
  /** The reader thread's code; defaults to `defaultWorkerScript()`. Tests pass their own to simulate stuck readers. */
  readonly workerScript?: URL | undefined;
  /** A reader thread idle this long is stopped to give its memory back (default 30 s). */
  readonly idleMs?: number | undefined;
  /** Receives what the reader prints (pdf.js warnings) and the technical detail behind each failure. */
  readonly logger?: Logger | undefined;
}

/** Counters for benchmarks and tests. */
export interface ExtractorStats {
  /** Reader threads started so far (a thread is replaced after a timeout, an abort, a crash or heavy use). */
  readonly workersStarted: number;
  /** Jobs handed to a reader thread; files refused by sniffing or the zip-bomb check never reach one. */
  readonly jobsRun: number;
  /** Reader threads that have not exited: 0 or 1. A timed-out or aborted file leaves 0 behind it. */
  readonly liveWorkers: number;
}

/**
 * Extracts searchable text from PDF, Word (.docx), text and Markdown files, off the calling thread. Files are read one
 * at a time by a single reader thread with a capped heap, reused across files and replaced whenever it is terminated
 * (timeout, abort) or dies (memory cap, crash). `extract` never throws for a bad file: every failure is a result with
 * a code and a reason naming the file.
 */
export interface TextExtractor {
  /**
   * Reads one file. Files queue behind the one being read; an abort while queued answers `aborted` at once.
   * @throws RangeError when a limit is not a positive number, Error when the reader's script is missing (programming
   * and installation faults, never a bad file).
   */
  extract(input: ExtractInput, limits?: Partial<ExtractLimits>, options?: ExtractOptions): Promise<ExtractResult>;
  stats(): ExtractorStats;
  /** Stops the reader thread now (a later `extract` starts a new one). Call when the service shuts down. */
  close(): Promise<void>;
}

const DEFAULT_IDLE_MS = 30_000;
/** A thread whose heap stays above this share of its cap after a job is replaced before it fails a later file. */
const RECYCLE_HEAP_SHARE = 0.5;

/** Creates an extractor with its own reader thread (started on first use). */
export function createTextExtractor(config: TextExtractorConfig = {}): TextExtractor {
  const script = config.workerScript ?? defaultWorkerScript();
  const idleMs = config.idleMs ?? DEFAULT_IDLE_MS;
  const logger = config.logger;
  let thread: ReaderThread | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let queue: Promise<void> = Promise.resolve();
  let nextId = 1;
  let workersStarted = 0;
  let jobsRun = 0;
  let liveWorkers = 0;

  async function threadFor(maxHeapMb: number): Promise<ReaderThread> {
    clearTimeout(idleTimer);
    if (thread?.alive === true && thread.maxHeapMb === maxHeapMb) return thread;
    await thread?.terminate();
    thread = new ReaderThread(script, maxHeapMb, logger, () => {
      liveWorkers -= 1;
    });
    workersStarted += 1;
    liveWorkers += 1;
    return thread;
  }

  async function afterJob(current: ReaderThread, outcome: ThreadOutcome, maxHeapMb: number): Promise<void> {
    if (!current.alive) return;
    if (outcome.kind === 'done' && outcome.heapUsedBytes > maxHeapMb * 1024 * 1024 * RECYCLE_HEAP_SHARE) {
      await current.terminate();
      return;
    }
    current.idle();
    idleTimer = setTimeout(() => {
      if (thread === current) void current.terminate();
    }, idleMs);
    idleTimer.unref();
  }

  async function run(job: ExtractJob, limits: ExtractLimits, options: ExtractOptions): Promise<ExtractResult> {
    const current = await threadFor(limits.maxHeapMb);
    jobsRun += 1;
    const outcome = await current.run(job, { timeoutMs: limits.timeoutMs, signal: options.signal, onProgress: options.onProgress });
    await afterJob(current, outcome, limits.maxHeapMb);
    return toResult(job, outcome, limits, logger);
  }

  return {
    async extract(input, partialLimits = {}, options = {}) {
      const limits = checkLimits({
        timeoutMs: partialLimits.timeoutMs ?? DEFAULT_EXTRACT_LIMITS.timeoutMs,
        maxHeapMb: partialLimits.maxHeapMb ?? DEFAULT_EXTRACT_LIMITS.maxHeapMb,
        maxChars: partialLimits.maxChars ?? DEFAULT_EXTRACT_LIMITS.maxChars,
      });
      const { fileName } = input;
      if (options.signal?.aborted === true) return cancelled(fileName);
      const sniffed = sniffMediaType(input.bytes, fileName, input.mediaType);
      if (!sniffed.ok) return failure(sniffed.code, sniffed.reason);
      if (sniffed.kind === 'docx') {
        const budget = assessZipBudget(sniffed.zipEntries ?? []);
        if (!budget.ok) {
          logger?.log('warn', 'text extraction: ZIP refused before inflating', { fileName, detail: budget.detail });
          return failure(budget.code, zipRefusal(fileName, budget.code));
        }
      }
      const job: ExtractJob = {
        type: 'extract',
        id: nextId++,
        kind: sniffed.kind,
        fileName,
        bytes: input.bytes,
        maxChars: limits.maxChars,
        encoding: sniffed.encoding,
        zipEntries: sniffed.zipEntries,
      };

      // One file at a time: the next waits for this one to finish (or to give up its turn when aborted).
      const previous = queue;
      let finish!: () => void;
      const mine = new Promise<void>((resolve) => {
        finish = resolve;
      });
      queue = previous.then(() => mine);
      try {
        if (!(await turnComes(previous, options.signal))) return cancelled(fileName);
        return await run(job, limits, options);
      } finally {
        finish();
      }
    },
    stats: () => ({ workersStarted, jobsRun, liveWorkers }),
    async close() {
      clearTimeout(idleTimer);
      await thread?.terminate();
      thread = undefined;
    },
  };
}

let shared: TextExtractor | undefined;

/**
 * Extracts text with a process-wide extractor (one reader thread, started on first use, stopped after 30 s idle).
 * See `TextExtractor.extract`; services that need a logger or their own thread use `createTextExtractor`.
 */
export function extractText(
  input: ExtractInput,
  limits?: Partial<ExtractLimits>,
  options?: ExtractOptions,
): Promise<ExtractResult> {
  shared ??= createTextExtractor();
  return shared.extract(input, limits, options);
}

/** Resolves true when `previous` settles, false as soon as `signal` aborts. */
function turnComes(previous: Promise<void>, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal === undefined) return previous.then(() => true);
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    void previous.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(!signal.aborted);
    });
  });
}

function toResult(job: ExtractJob, outcome: ThreadOutcome, limits: ExtractLimits, logger: Logger | undefined): ExtractResult {
  const { fileName } = job;
  switch (outcome.kind) {
    case 'done': {
      const { text, pages, truncated } = outcome.result;
      return {
        ok: true,
        kind: job.kind,
        text,
        ...(pages === undefined ? {} : { pages }),
        truncated,
        bytesIn: job.bytes.byteLength,
        parseMs: outcome.parseMs,
      };
    }
    case 'failed':
      if (outcome.detail !== undefined) {
        logger?.log('warn', 'text extraction failed', { fileName, code: outcome.code, detail: outcome.detail });
      }
      return failure(outcome.code, outcome.reason);
    case 'stopped':
      logger?.log('warn', 'text extraction stopped', { fileName, why: outcome.why, detail: outcome.detail });
      switch (outcome.why) {
        case 'timeout':
          return failure(
            'timeout',
            `${fileName} took longer than ${seconds(limits.timeoutMs)} to read, so reading it was stopped.`,
          );
        case 'aborted':
          return cancelled(fileName);
        case 'out-of-memory':
          return failure(
            'out-of-memory',
            `${fileName} needs more than the ${limits.maxHeapMb} MiB of memory allowed for reading one file, so reading it was stopped.`,
          );
        case 'crashed':
          return failure('malformed', `${fileName} could not be read: the reader stopped unexpectedly.`);
      }
  }
}

function zipRefusal(fileName: string, code: 'too-large' | 'encrypted' | 'unsupported'): string {
  switch (code) {
    case 'too-large':
      return `${fileName} looks like a zip bomb: it claims to expand far beyond any real document, so it was not opened.`;
    case 'encrypted':
      return `${fileName} is password-protected; its text cannot be read.`;
    case 'unsupported':
      return `${fileName} is compressed in a way Focal Desk cannot read.`;
  }
}

function cancelled(fileName: string): ExtractFailure {
  return failure('aborted', `Reading ${fileName} was cancelled.`);
}

function failure(code: ExtractFailureCode, reason: string): ExtractFailure {
  return { ok: false, code, reason };
}

function seconds(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function checkLimits(limits: ExtractLimits): ExtractLimits {
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new RangeError(`extract limit ${name} must be a positive number, not ${String(value)}`);
    }
  }
  return limits;
}
