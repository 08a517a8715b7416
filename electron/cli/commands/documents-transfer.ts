import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { UploadedFile } from '../../../shared/api/documents';
import type { Core } from '../../core/app';
import { call } from '../call';
import { CliFailure } from '../cli-io';
import { openOutputFile } from './output-file';

/**
 * Sends a file to the core through the same chunked upload the app uses (`documents.upload.*`), so the CLI exercises
 * the contract's size cap, name rules and hashing for real. The file is read chunk by chunk, never whole.
 */
export async function uploadFile(core: Core, file: string): Promise<UploadedFile> {
  const path = resolve(file);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new CliFailure(`${path} is not a file.`);
    size = stat.size;
  } catch (error: unknown) {
    if (error instanceof CliFailure) throw error;
    throw new CliFailure(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  const ticket = await call(core, 'documents.upload.begin', { fileName: basename(path), size });
  const descriptor = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(ticket.chunkBytes);
    let offset = 0;
    for (;;) {
      const read = readSync(descriptor, buffer, 0, buffer.length, offset);
      if (read === 0) break;
      await call(core, 'documents.upload.chunk', {
        uploadId: ticket.uploadId,
        offset,
        data: buffer.subarray(0, read).toString('base64'),
      });
      offset += read;
    }
    return await call(core, 'documents.upload.finish', { uploadId: ticket.uploadId });
  } catch (error: unknown) {
    await core.dispatch('documents.upload.cancel', { uploadId: ticket.uploadId });
    throw error;
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Writes one version's file to `out`, read through `documents.file.read` (verified against its SHA-256 by the core)
 * into a temporary file beside `out`, put in place only when complete: never a partial file under `out`, and an
 * existing file replaced only with `force`.
 */
export async function downloadVersion(
  core: Core,
  documentId: string,
  version: number,
  out: string,
  force: boolean,
): Promise<{ readonly path: string; readonly bytes: number; readonly fileName: string }> {
  const file = openOutputFile(out, force, 'report.pdf');
  try {
    let offset = 0;
    let total = Number.POSITIVE_INFINITY;
    let fileName = '';
    while (offset < total) {
      const part = await call(core, 'documents.file.read', { documentId, version, offset, length: 512 * 1024 });
      total = part.totalBytes;
      fileName = part.fileName;
      const bytes = Buffer.from(part.data, 'base64');
      if (bytes.length === 0 && offset < total) throw new CliFailure('The store returned less data than the file holds.');
      file.write(bytes);
      offset += bytes.length;
    }
    return { path: file.path, bytes: file.commit(), fileName };
  } finally {
    file.discard();
  }
}
