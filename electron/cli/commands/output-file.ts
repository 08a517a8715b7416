import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliFailure } from '../cli-io';

/**
 * A file the CLI writes for the user (`--out`): written beside its target and put in place only when complete, so a
 * reader never sees half a file, and an existing file is replaced only when the user said `--force`.
 */
export interface OutputFile {
  /** The absolute path the file ends up at. */
  readonly path: string;
  /** Appends bytes to the temporary file. */
  write(bytes: Uint8Array): void;
  /** Syncs the temporary file and puts it in place; returns the bytes written. */
  commit(): number;
  /** Drops the temporary file; safe after commit and more than once. */
  discard(): void;
}

/** Link failures meaning the file system has no hard links (FAT, some network shares), not that the target exists. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Fails when `path` is a directory, or an existing file that `force` does not allow to replace. Commands call it
 * before opening the store, so a wrong `--out` fails at once; `commit` checks again when the file is put in place.
 * `example` is a file name suggested in the message, such as `meeting.ics`.
 */
export function refuseOutputTarget(out: string, force: boolean, example: string): void {
  const path = resolve(out);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new CliFailure(`Cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (isDirectory) throw new CliFailure(`${path} is a directory; give a file name with --out, such as ${example}.`);
  if (!force) throw new CliFailure(`${path} already exists; add --force to replace it.`);
}

/**
 * Opens a temporary file beside `out`. On commit it is renamed over `out` with `force`, else hard-linked to `out`,
 * which fails if a file appeared there meanwhile — so an existing file is never replaced without `force`.
 * @throws CliFailure naming the file when it cannot be written or already exists.
 */
export function openOutputFile(out: string, force: boolean, example: string): OutputFile {
  const path = resolve(out);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.part`);
  let descriptor: number | null = null;
  let bytes = 0;
  const failure = (error: unknown): CliFailure => {
    if (error instanceof CliFailure) return error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return new CliFailure(`${path} already exists; add --force to replace it.`);
    if (code === 'EISDIR') return new CliFailure(`${path} is a directory; give a file name with --out, such as ${example}.`);
    if (code === 'ENOENT') return new CliFailure(`Cannot write ${path}: the folder ${dirname(path)} does not exist.`);
    return new CliFailure(`Cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  };
  const discard = (): void => {
    if (descriptor !== null) closeSync(descriptor);
    descriptor = null;
    rmSync(temporary, { force: true });
  };
  try {
    descriptor = openSync(temporary, 'w', 0o600);
  } catch (error: unknown) {
    throw failure(error);
  }
  return {
    path,
    write(chunk) {
      if (descriptor === null) throw new CliFailure(`${path} is already closed.`);
      try {
        writeSync(descriptor, chunk);
        bytes += chunk.length;
      } catch (error: unknown) {
        discard();
        throw failure(error);
      }
    },
    commit() {
      if (descriptor === null) throw new CliFailure(`${path} is already closed.`);
      try {
        fsyncSync(descriptor);
        closeSync(descriptor);
        descriptor = null;
        if (force) renameSync(temporary, path);
        else placeWithoutReplacing(temporary, path, example);
        return bytes;
      } catch (error: unknown) {
        discard();
        throw failure(error);
      }
    },
    discard,
  };
}

/** Writes a whole text as an output file; returns the bytes written. */
export function writeOutputText(out: string, text: string, force: boolean, example: string): number {
  const file = openOutputFile(out, force, example);
  file.write(Buffer.from(text, 'utf8'));
  return file.commit();
}

function placeWithoutReplacing(temporary: string, path: string, example: string): void {
  try {
    linkSync(temporary, path);
  } catch (error: unknown) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    // Without hard links the check and the rename are two steps; the window between them is the best this allows.
    refuseOutputTarget(path, false, example);
    renameSync(temporary, path);
    return;
  }
  rmSync(temporary, { force: true });
}
