import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileNameProblem } from '../../../shared/domain/file-name-rules';
import { AppFailure } from '../app-failure';
import type { Logger, SystemOpener } from '../ports';
import type { FileStore } from './file-store/file-store';

const PREFIX = 'focal-desk-open-';
/** Copies handed to other applications are removed once this old (they may still be open in them before that). */
const KEEP_MS = 24 * 60 * 60_000;

/**
 * Hands one file to the operating system's application: a checked copy in a private folder (mode 700) of the
 * system's temporary directory, under the version's own (validated) file name, so the application shows a sensible
 * title. For an encrypted store this copy is plaintext: that is the price of opening it elsewhere, and why the copy
 * is private and removed after a day (`sweepOpenedCopies`, run at start).
 */
export async function openWithSystem(
  opener: SystemOpener | undefined,
  files: FileStore,
  file: { readonly sha256: string; readonly fileName: string },
): Promise<void> {
  if (opener === undefined) {
    throw new AppFailure('unavailable', 'Opening a file in another application needs the desktop app. Use “Save a copy” instead.');
  }
  const folder = join(tmpdir(), `${PREFIX}${randomBytes(8).toString('hex')}`);
  await mkdir(folder, { mode: 0o700 });
  // Names were checked when added; one that arrived some other way (sync) is not trusted to build a path.
  const path = join(folder, fileNameProblem(file.fileName) === null ? file.fileName : 'document');
  await files.copyTo(file.sha256, path, { name: file.fileName });
  await opener.openPath(path);
}

/** Removes copies made for other applications more than a day ago. */
export async function sweepOpenedCopies(now: Date, logger: Logger): Promise<void> {
  let names: string[];
  try {
    names = await readdir(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue;
    const folder = join(tmpdir(), name);
    try {
      if (now.getTime() - (await stat(folder)).mtimeMs > KEEP_MS) await rm(folder, { recursive: true, force: true });
    } catch (error: unknown) {
      logger.log('debug', 'An old copy for another application could not be removed', { folder, error: String(error) });
    }
  }
}
