import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialDocs, op, PROP_SCHEMA, query } from './differential-arbitraries';
import { DifferentialPair } from './differential-runner';
import { useStorageHarness } from './storage-harness';
import { STORAGES } from './storage-under-test';

/**
 * Reproduce a failure with the seed and path fast-check prints, e.g.
 * `FC_SEED=123 FC_PATH="4:1:0" npx vitest run … differential`. FC_NUM_RUNS raises the effort for a soak run.
 */
function settings(): fc.Parameters<unknown> {
  const env = process.env;
  return {
    numRuns: env.FC_NUM_RUNS ? Number(env.FC_NUM_RUNS) : 50,
    ...(env.FC_SEED ? { seed: Number(env.FC_SEED) } : {}),
    ...(env.FC_PATH ? { path: env.FC_PATH } : {}),
  };
}

describe.each(STORAGES)('differential property against memory on $name', (sut) => {
  const harness = useStorageHarness(sut);

  it('random writes, then random queries and change paging, give what the memory reference gives', async () => {
    let run = 0;
    let multiDocumentResults = 0;
    const property = fc.asyncProperty(
      initialDocs,
      fc.array(op, { minLength: 1, maxLength: 40 }),
      fc.array(query, { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 1, max: 10 }),
      async (initial, ops, queries, changesLimit) => {
        run += 1;
        const subject = await harness.open(PROP_SCHEMA, `p${run}`);
        const reference = await harness.openReference(PROP_SCHEMA, `p${run}`);
        const pair = new DifferentialPair(subject, reference, (instance) => harness.reopen(instance, PROP_SCHEMA));
        try {
          await pair.populate(initial);
          for (const operation of ops) {
            await pair.apply(operation);
            await pair.compare([], changesLimit);
          }
          await pair.compare(queries, changesLimit);
          multiDocumentResults += pair.stats.multiDocumentResults;
        } finally {
          pair.unlisten();
          await harness.release(pair.current);
          await harness.release(reference);
        }
      },
    );
    await fc.assert(property, settings());
    // Guards against generators drifting into queries that match at most one document, where order is untested.
    // (Skipped when replaying a single counterexample with FC_PATH.)
    if (process.env.FC_PATH === undefined) expect(multiDocumentResults).toBeGreaterThan(run / 4);
  }, 300_000);
});
