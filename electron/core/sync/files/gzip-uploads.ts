import type { Logger } from '../../ports';

/**
 * Whether the server keeps a chunk sent with `Content-Encoding: gzip` as the original bytes. CouchDB 3 does (it stores
 * the chunk gzip-encoded and serves it decoded); express-pouchdb 4.2 does not — it stores the gzip stream itself as
 * the attachment, so the chunk's length comes out wrong. The first compressed chunk settles it for the channel: the
 * upload re-reads the document once and looks at that chunk's length, and a server judged not to keep them gets
 * every later chunk uncompressed.
 */
export type GzipUploadState = 'unknown' | 'accepted' | 'refused';

export interface GzipUploads {
  readonly state: GzipUploadState;
  /** Records what the first compressed chunk showed; a refusal (or a 400/415 to a compressed body) is final. */
  judge(keptOriginal: boolean, logger: Logger | undefined): void;
}

export function createGzipUploads(initial: GzipUploadState = 'unknown'): GzipUploads {
  let state = initial;
  return {
    get state() {
      return state;
    },
    judge(keptOriginal, logger) {
      if (!keptOriginal) {
        if (state !== 'refused') logger?.log('info', 'The server does not keep gzip-encoded chunks; sending them uncompressed');
        state = 'refused';
      } else if (state === 'unknown') {
        state = 'accepted';
      }
    },
  };
}
