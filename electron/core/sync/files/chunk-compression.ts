import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/**
 * Which chunks go gzip-compressed on the wire (`Content-Encoding: gzip`). Only what shrinks is worth the server's and
 * our CPU: a chunk is sent compressed when gzip makes it smaller than 90 % of its size.
 * - `always`: text-like types (text/*, JSON, XML, SVG, JavaScript) — each chunk is tried.
 * - `never`: types that are already compressed (JPEG, PNG, video, audio, ZIP and the office formats built on it…).
 * - `trial`: anything else (PDF, BMP, octet-stream…) — the first chunk sent decides for the rest of the file.
 */
export type CompressionPolicy = 'always' | 'trial' | 'never';

/** A compressed chunk must be under this share of the original to be sent compressed. */
export const WORTHWHILE_RATIO = 0.9;

const TEXT_LIKE = new Set(['application/json', 'application/xml', 'image/svg+xml', 'application/javascript', 'application/x-yaml']);
const ALREADY_COMPRESSED_PREFIXES = ['video/', 'audio/', 'application/vnd.openxmlformats-officedocument.', 'application/vnd.oasis.opendocument.'];
const ALREADY_COMPRESSED = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/heic',
  'application/zip',
  'application/gzip',
  'application/x-7z-compressed',
  'application/x-rar-compressed',
  'application/vnd.rar',
  'application/x-bzip2',
  'application/x-xz',
  'application/epub+zip',
]);

/** The policy for a media type such as `text/csv; charset=utf-8` (parameters and case are ignored). */
export function compressionPolicyOf(mediaType: string): CompressionPolicy {
  const type = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  if (type.startsWith('text/') || TEXT_LIKE.has(type) || type.endsWith('+json') || type.endsWith('+xml')) return 'always';
  if (ALREADY_COMPRESSED.has(type) || ALREADY_COMPRESSED_PREFIXES.some((prefix) => type.startsWith(prefix))) return 'never';
  return 'trial';
}

/** `chunk` gzip-compressed (off the main thread), or null when that saves less than 10 %. */
export async function gzipIfWorthwhile(chunk: Uint8Array): Promise<Uint8Array | null> {
  const compressed = await gzipAsync(chunk);
  return compressed.length < chunk.length * WORTHWHILE_RATIO ? compressed : null;
}
