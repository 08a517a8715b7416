/**
 * What the server accepts in the files database (`focal-files`, see sync/files/file-doc.ts): one document per content,
 * id `sha256-<64 hex>`, fields `{ size, chunkSize, chunkCount, mediaType, complete, author }`, chunks as attachments
 * `c000000`, `c000001`… Written as a JSON schema so the same generator builds its validate_doc_update; the runtime adds
 * what a schema cannot say (chunkCount = ⌈size ÷ chunkSize⌉, attachment names and lengths).
 * Limits are wide on purpose: the server must never refuse a file document the client writes (sizes come from
 * document versions, whose `size` is at least 1; chunks are 16 KiB to 256 KiB today).
 */
export const fileManifestSchema = {
  title: 'file',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 71, pattern: '^sha256-[0-9a-f]{64}$' },
    size: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
    chunkSize: { type: 'integer', minimum: 1, maximum: 64 * 1024 * 1024 },
    /** Attachment names have six digits. */
    chunkCount: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    mediaType: { type: 'string', maxLength: 255 },
    complete: { type: 'boolean' },
  },
  required: ['id', 'size', 'chunkSize', 'chunkCount', 'mediaType', 'complete'],
  additionalProperties: false,
} as const;
