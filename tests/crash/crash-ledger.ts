import { docIdsOf, type BatchRef, type CrashDoc, type WriterEvent } from './crash-protocol';

/** What the parent knows about one batch from every writer's lines and every check so far. */
interface BatchRecord {
  readonly size: number;
  /** The insert was acknowledged, or the whole batch was seen after a restart: from now on it must always exist. */
  mustExist: boolean;
  /** No check may find an older version: the highest acknowledged one, or a higher one already seen after a restart. */
  floorVersion: number;
  /** The highest version any writer announced: a higher one cannot come from this test. */
  maxIntendedVersion: number;
}

/** How the kill of one writer fell relative to its writes. */
export type KillLanding = 'between-writes' | 'during-insert' | 'during-update';

/** The interrupted write of one kill, if the kill fell between a write's intent and its acknowledgement. */
export interface InFlight {
  readonly op: 'insert' | 'update';
  readonly batchId: string;
  readonly version: number;
}

/**
 * The parent's record of every batch the writers announced and acknowledged, and the rules a store must satisfy after
 * a kill: acknowledged batches present with at least their acknowledged version, every batch all-or-nothing, every
 * bulk update all-or-nothing (one version across the batch), nothing the writers never wrote.
 */
export class CrashLedger {
  private readonly batches = new Map<string, BatchRecord>();

  /** Batch count, for reports. */
  get size(): number {
    return this.batches.size;
  }

  /** Applies one writer's events in order; returns the write its kill interrupted, if any. */
  applyRun(events: readonly WriterEvent[]): InFlight | undefined {
    let open: InFlight | undefined;
    for (const event of events) {
      if (event.kind === 'loaded' || event.kind === 'ready') continue;
      let record = this.batches.get(event.batchId);
      if (record === undefined) {
        if (event.op !== 'insert') throw new Error(`update of unknown batch ${event.batchId}`);
        record = { size: event.size, mustExist: false, floorVersion: 0, maxIntendedVersion: 0 };
        this.batches.set(event.batchId, record);
      }
      if (event.kind === 'intent') {
        record.maxIntendedVersion = Math.max(record.maxIntendedVersion, event.version);
        open = { op: event.op, batchId: event.batchId, version: event.version };
      } else {
        record.mustExist = true;
        record.floorVersion = Math.max(record.floorVersion, event.version);
        open = undefined;
      }
    }
    return open;
  }

  /** Ids of every document of the given batches (all batches when omitted), for fetching them. */
  docIds(batchIds?: Iterable<string>): string[] {
    const ids: string[] = [];
    for (const batchId of batchIds ?? this.batches.keys()) {
      const record = this.batches.get(batchId);
      if (record) ids.push(...docIdsOf(batchId, record.size));
    }
    return ids;
  }

  /**
   * Checks `found` (every stored document of the batches in `scope`; with `scope` 'all', every stored document) against
   * the rules, then raises each batch's floor to what was found. Returns one message per violation.
   */
  check(found: readonly CrashDoc[], scope: Iterable<string> | 'all'): string[] {
    const violations: string[] = [];
    const byBatch = new Map<string, CrashDoc[]>();
    for (const doc of found) {
      const list = byBatch.get(doc.batchId) ?? [];
      list.push(doc);
      byBatch.set(doc.batchId, list);
      if (scope === 'all' && !this.batches.has(doc.batchId)) {
        violations.push(`document ${doc.id} belongs to batch ${doc.batchId}, which no writer announced`);
      }
    }
    const batchIds = scope === 'all' ? [...this.batches.keys()] : [...scope];
    for (const batchId of batchIds) {
      const record = this.batches.get(batchId);
      if (record) violations.push(...checkBatch(batchId, record, byBatch.get(batchId) ?? []));
    }
    return violations;
  }

  /** Up to `count` random batches known to exist in full, for the next writer to update. */
  sampleExisting(count: number): BatchRef[] {
    const existing = [...this.batches].filter(([, record]) => record.mustExist);
    const picked: BatchRef[] = [];
    for (let i = 0; i < count && existing.length > 0; i += 1) {
      const [batchId, record] = existing.splice(Math.floor(Math.random() * existing.length), 1)[0]!;
      picked.push({ batchId, size: record.size });
    }
    return picked;
  }
}

function checkBatch(batchId: string, record: BatchRecord, docs: readonly CrashDoc[]): string[] {
  if (docs.length === 0) {
    return record.mustExist ? [`batch ${batchId} was acknowledged (or seen) but is gone: 0/${record.size} documents`] : [];
  }
  const violations: string[] = [];
  if (docs.length !== record.size) {
    violations.push(`bulk insert half applied: batch ${batchId} has ${docs.length}/${record.size} documents`);
  }
  const versions = [...new Set(docs.map((doc) => doc.version))].sort((a, b) => a - b);
  if (versions.length > 1) violations.push(`bulk update half applied: batch ${batchId} has versions ${versions.join(', ')}`);
  const lowest = versions[0] ?? 0;
  const highest = versions[versions.length - 1] ?? 0;
  if (lowest < record.floorVersion) {
    violations.push(`batch ${batchId} is at version ${lowest}, older than acknowledged/seen version ${record.floorVersion}`);
  }
  if (highest > record.maxIntendedVersion) {
    const announced = record.maxIntendedVersion;
    violations.push(`batch ${batchId} is at version ${highest}, never written (highest announced ${announced})`);
  }
  for (const doc of docs) {
    if (doc.batchSize !== record.size || doc.id !== `${batchId}-i${doc.index}`) {
      violations.push(`document ${doc.id} does not match its batch (${doc.batchSize}/${record.size}, index ${doc.index})`);
    }
  }
  if (violations.length === 0) {
    // Seen whole after a restart: a later restart must not lose it or go back to an older version.
    record.mustExist = true;
    record.floorVersion = highest;
  }
  return violations;
}
