// What the crash writer and the parent agree on: the collection's schema, how ids encode (run, iteration, index), and
// the lines the writer prints. Every line is written with one write(2) to a pipe, shorter than PIPE_BUF (4 KiB), so it
// arrives whole or not at all; the parent still reads only lines that end in '\n'.
import type { RxJsonSchema } from 'rxdb';

/** The RxDB database and collection the writer fills. */
export const CRASH_DATABASE = 'crash';
export const CRASH_COLLECTION = 'docs';

/** One document of a bulk write. All documents of a batch carry the batch's id, size and (after updates) version. */
export interface CrashDoc {
  id: string;
  batchId: string;
  batchSize: number;
  index: number;
  /** 0 when inserted; every bulk update of the batch sets all its documents to the next version at once. */
  version: number;
  /** Random filler so batches span pages the way real documents do. */
  payload: string;
}

export const crashDocSchema: RxJsonSchema<CrashDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    batchId: { type: 'string', maxLength: 32 },
    batchSize: { type: 'integer', minimum: 1, maximum: 100 },
    index: { type: 'integer', minimum: 0, maximum: 100 },
    version: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 },
    payload: { type: 'string' },
  },
  required: ['id', 'batchId', 'batchSize', 'index', 'version', 'payload'],
  indexes: ['batchId', ['version', 'id']],
};

/** Batch ids are `r<run>-b<iteration>`: unique across every writer process on one directory. */
export function batchIdOf(run: number, iteration: number): string {
  return `r${run}-b${iteration}`;
}

/** Document ids are `<batchId>-i<index>`, so the parent can fetch a whole batch by id. */
export function docIdsOf(batchId: string, size: number): string[] {
  return Array.from({ length: size }, (_, index) => `${batchId}-i${index}`);
}

/** A batch the writer may update: one of its own acknowledged ones, or one the parent passes from an earlier run. */
export interface BatchRef {
  readonly batchId: string;
  readonly size: number;
}

/** What the writer reports. `intent` is printed before a write is issued, `ack` after its promise resolved. */
export type WriterEvent =
  /** Code loaded (ms since process start); the writer now waits for 'go' on stdin before touching the store. */
  | { readonly kind: 'loaded'; readonly ms: number }
  /** Database open (ms from 'go'); writes follow at once. */
  | { readonly kind: 'ready'; readonly ms: number }
  | {
      readonly kind: 'intent' | 'ack';
      readonly op: 'insert' | 'update';
      readonly batchId: string;
      readonly size: number;
      /** The version every document of the batch has once this write is applied (0 for inserts). */
      readonly version: number;
    };

/** One line, newline included. */
export function formatEvent(event: WriterEvent): string {
  if (event.kind === 'loaded' || event.kind === 'ready') return `${event.kind} ${event.ms.toFixed(1)}\n`;
  return `${event.kind} ${event.op} ${event.batchId} ${event.size} ${event.version}\n`;
}

/** Parses one complete line; throws on anything else, since a garbled line would be a harness bug worth seeing. */
export function parseEvent(line: string): WriterEvent {
  const parts = line.split(' ');
  if ((parts[0] === 'loaded' || parts[0] === 'ready') && parts.length === 2) return { kind: parts[0], ms: Number(parts[1]) };
  const [kind, op, batchId, size, version] = parts;
  if (
    (kind === 'intent' || kind === 'ack') &&
    (op === 'insert' || op === 'update') &&
    batchId !== undefined &&
    parts.length === 5
  ) {
    return { kind, op, batchId, size: Number(size), version: Number(version) };
  }
  throw new Error(`crash writer printed an unexpected line: ${JSON.stringify(line)}`);
}

/** Arguments of the writer process, passed as one JSON argv entry. */
export interface WriterArgs {
  readonly directory: string;
  readonly run: number;
  /** 'sqlite' is what the crash test is about; 'memory' only gives the crash bench a throughput baseline. */
  readonly storage: 'sqlite' | 'memory';
  /** Batches from earlier runs the writer may update too, so updates reach older parts of the file. */
  readonly olderBatches: readonly BatchRef[];
  /** Self-imposed bounds (writes, and ms from 'go'), in case the parent never kills it. */
  readonly maxWrites: number;
  readonly maxMs: number;
}
