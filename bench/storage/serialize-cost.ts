import { now } from 'rxdb';
import { averageSchemaData } from 'rxdb/plugins/test-utils';

/**
 * The fastest time (of `repeats`) to `JSON.stringify` one batch of `batchSize` documents shaped like
 * runPerformanceTests' inserts, with RxDB's meta fields. Any storage that persists documents serializes them; RxDB's
 * memory storage keeps the objects and defers its index work to idle time, so this is a floor under every persisting
 * storage's `insert-documents-*` metric that memory does not pay.
 */
export function measureSerializeMs(batchSize: number, repeats: number): number {
  const docs = Array.from({ length: batchSize }, () => ({
    ...averageSchemaData(),
    _deleted: false,
    _attachments: {},
    _rev: '1-0123456789abcdef',
    _meta: { lwt: now() },
  }));
  let fastest = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let r = 0; r < repeats; r++) {
    const started = performance.now();
    for (const doc of docs) sink += JSON.stringify(doc).length;
    fastest = Math.min(fastest, performance.now() - started);
  }
  // Used, so the engine cannot drop the work.
  if (sink === 0) throw new Error('serialize cost: nothing was serialized');
  return fastest;
}
