import { createHash } from 'node:crypto';

export interface ContentMeterOptions {
  readonly maxBytes: number;
  /** What the size was when the source was opened, passed to `onProgress`. */
  readonly expectedBytes: number;
  readonly onProgress?: ((doneBytes: number, totalBytes: number) => void) | undefined;
  /** The error to throw once more than `maxBytes` have passed (a file that grows while it is read). */
  readonly tooLarge: () => Error;
}

/**
 * A pipeline stage that lets plaintext through unchanged while computing its SHA-256 and length, reports progress, and
 * stops the pipeline as soon as the content passes `maxBytes`. Read the digest after the pipeline has finished.
 */
export interface ContentMeter {
  measure(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array>;
  /** The content's SHA-256 (lower-case hex) and size; only once `measure` has run to the end. */
  result(): { readonly sha256: string; readonly size: number };
}

export function createContentMeter(options: ContentMeterOptions): ContentMeter {
  const hash = createHash('sha256');
  let size = 0;
  let digest: string | null = null;
  return {
    async *measure(source) {
      for await (const piece of source) {
        size += piece.length;
        if (size > options.maxBytes) throw options.tooLarge();
        hash.update(piece);
        // A file that grew since it was opened reports its true size rather than more than 100 %.
        options.onProgress?.(size, Math.max(size, options.expectedBytes));
        yield piece;
      }
      digest = hash.digest('hex');
    },
    result() {
      if (digest === null) throw new Error('ContentMeter.result() was called before the content was read to the end');
      return { sha256: digest, size };
    },
  };
}
