import { z } from 'zod';

/**
 * The shapes of the CouchDB answers replication reads. Every answer from the server is parsed with these before use:
 * a proxy's page, a truncated body or another server's JSON fails here with a clear reason, never deeper in RxDB.
 */

const docBody = z.record(z.string(), z.unknown());

export const changesResponse = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      seq: z.unknown(),
      deleted: z.boolean().optional(),
      doc: docBody.nullish(),
    }),
  ),
  last_seq: z.union([z.string(), z.number()]),
});

export const allDocsResponse = z.object({
  rows: z.array(
    z.union([
      z.object({ key: z.string(), error: z.string() }),
      z.object({
        id: z.string(),
        key: z.string(),
        value: z.object({ rev: z.string(), deleted: z.boolean().optional() }),
        doc: docBody.nullish(),
      }),
    ]),
  ),
});

export const bulkDocsResponse = z.array(
  z.object({
    id: z.string().optional(),
    ok: z.boolean().optional(),
    rev: z.string().optional(),
    error: z.string().optional(),
    reason: z.string().optional(),
  }),
);

export const databaseInfo = z.object({ doc_count: z.number().int().nonnegative(), update_seq: z.unknown() }).loose();
