import { FILE_CHUNK_BYTES } from '../../../../shared/api/documents';
import { fail, ok, type Result } from '../../../../shared/api/result';
import { getBridge } from '../../api/client';
import { i18n } from '../../i18n/i18n';
import { base64ToBytes } from './base64-bytes';

/** A version's whole file as read from the core, in the parts it arrived in. */
export interface VersionFile {
  readonly parts: readonly Uint8Array<ArrayBuffer>[];
  readonly totalBytes: number;
  readonly fileName: string;
  readonly mediaType: string;
}

/**
 * Reads a version's file through `documents.file.read`, one chunk after another (the core verifies each against the
 * version's SHA-256 as it reads). `onProgress` hears the bytes read so far. Stops with the core's error, or when the
 * core sends no bytes for a part it still owes (which would otherwise loop forever).
 */
export async function readVersionFile(
  documentId: string,
  version: number,
  onProgress: (readBytes: number, totalBytes: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<Result<VersionFile>> {
  const bridge = getBridge();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  let totalBytes = Number.POSITIVE_INFINITY;
  let fileName = '';
  let mediaType = '';
  // Bounded: every pass adds at least one byte, or ends.
  while (offset < totalBytes) {
    if (signal?.aborted === true) return fail('conflict', i18n.t('documents.file.stopped'));
    const read = await bridge['documents.file.read']({ documentId, version, offset, length: FILE_CHUNK_BYTES });
    if (!read.ok) return read;
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = base64ToBytes(read.value.data);
    } catch (error: unknown) {
      console.error('Focal Desk: a file part was not base64', { documentId, version, offset, error });
      return fail('internal', i18n.t('documents.file.badPart'));
    }
    totalBytes = read.value.totalBytes;
    fileName = read.value.fileName;
    mediaType = read.value.mediaType;
    if (bytes.length === 0 && offset < totalBytes) return fail('internal', i18n.t('documents.file.badPart'));
    parts.push(bytes);
    offset += bytes.length;
    onProgress(Math.min(offset, totalBytes), totalBytes);
  }
  return ok({ parts, totalBytes: offset, fileName, mediaType });
}

/** The parts of a file as one array (what pdf.js takes). */
export function joinParts(parts: readonly Uint8Array[], totalBytes: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(totalBytes);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Saves bytes as a file through the browser's download: a Blob, an object URL and a temporary `<a download>`, as
 * renderer/src/features/directory/download.ts does for text. Electron's session turns it into a save.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked on the next task: the download has started from the URL by then.
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 0);
  }
}
