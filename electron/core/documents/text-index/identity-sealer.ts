import type { BlobSealer } from './text-index-types';

/**
 * The sealer of an unencrypted store (a real mode: host and CLI without a key): blobs are written as they are.
 * `open` returns its input unchanged; damage is then caught by the reader's own checks (JSON shape, journal CRC).
 */
export const identitySealer: BlobSealer = {
  seal: (plain) => plain,
  open: (sealed) => sealed,
};
