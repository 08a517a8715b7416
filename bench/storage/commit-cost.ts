import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRevision, fillWithDefaultSettings, now, type RxDocumentData, type RxJsonSchema } from 'rxdb';
import { openStoreConnection } from '../../electron/core/db/storage/connection-registry';
import { getRxStorageSQLite } from '../../electron/core/db/storage/index';

interface Row {
  id: string;
  text: string;
}

const schema: RxJsonSchema<RxDocumentData<Row>> = fillWithDefaultSettings<Row>({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 20 }, text: { type: 'string' } },
  required: ['id', 'text'],
});

/** What one single-document commit costs on our storage, with and without its fsync. */
export interface CommitCost {
  readonly commits: number;
  readonly durableMs: number;
  readonly noFsyncMs: number;
  /** durable − no fsync: the time a commit spends waiting for the disk. */
  readonly fsyncMs: number;
}

/**
 * Times `commits` serial one-document `bulkWrite`s on a raw storage instance, first durable (`synchronous=FULL`),
 * then with `synchronous=OFF` on the same file, and returns the per-commit averages. Measured in the bench's own run,
 * so the write metrics can be read against the disk's floor on this machine.
 */
export async function measureCommitCost(commits: number): Promise<CommitCost> {
  const directory = mkdtempSync(join(tmpdir(), 'focal-bench-commit-'));
  try {
    const instance = await getRxStorageSQLite({ directory }).createStorageInstance<Row>({
      databaseName: 'commits',
      collectionName: 'rows',
      schema,
      options: {},
      multiInstance: false,
      devMode: false,
      databaseInstanceToken: 'bench',
    });
    let written = 0;
    const writeSerially = async (): Promise<number> => {
      const started = performance.now();
      for (let i = 0; i < commits; i++) {
        const document = {
          id: `r${String(written++)}`,
          text: 'x'.repeat(200),
          _deleted: false,
          _attachments: {},
          _rev: '',
          _meta: { lwt: now() },
        } as RxDocumentData<Row>;
        document._rev = createRevision('bench');
        await instance.bulkWrite([{ document }], 'bench');
      }
      return (performance.now() - started) / commits;
    };
    await writeSerially();
    const durableMs = await writeSerially();
    openStoreConnection(instance.internals.filePath)?.pragma('synchronous = OFF');
    const noFsyncMs = await writeSerially();
    await instance.remove();
    return { commits, durableMs, noFsyncMs, fsyncMs: Math.max(0, durableMs - noFsyncMs) };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
