import { AppFailure } from '../../app-failure';
import { isSha256Hex } from '../crypto/sha256-hex';

/**
 * The failures of the file store, worded for a person. `subject` names the file as the person knows it: its base name
 * in quotes when there is one ("“report.pdf”"), else a generic phrase; never a full path or the content.
 */

const MIB = 1024 * 1024;

/** `bytes` in megabytes as people read them: "200 MB", "1.5 MB", "0.00098 MB". */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / MIB;
  return `${Number(megabytes.toPrecision(megabytes >= 1 ? 4 : 2))} MB`;
}

/** "“report.pdf”" for a name, "This file" without one. */
export function subjectOf(name: string | undefined): string {
  return name === undefined || name === '' ? 'This file' : `“${name}”`;
}

export function tooLarge(subject: string, size: number, maxBytes: number): AppFailure {
  const limit = formatMegabytes(maxBytes);
  const actual = formatMegabytes(size);
  const has = actual === limit ? '' : ` It has ${actual}.`;
  const message = `${subject} is too large: a file may have at most ${limit}.${has} Choose a smaller file or split it.`;
  return new AppFailure('invalid-input', message, [{ path: 'file', message, code: 'too-large' }]);
}

export function grewTooLarge(subject: string, maxBytes: number): AppFailure {
  const message =
    `${subject} grew past ${formatMegabytes(maxBytes)}, the most a file may have, while it was being added. ` +
    'Nothing was stored.';
  return new AppFailure('invalid-input', message, [{ path: 'file', message, code: 'too-large' }]);
}

export function emptyFile(subject: string): AppFailure {
  const message = `${subject} is empty. Choose a file that has content.`;
  return new AppFailure('invalid-input', message, [{ path: 'file', message, code: 'empty' }]);
}

export function notAFile(subject: string): AppFailure {
  const message = `${subject} is not a file. Choose a file rather than a folder or a device.`;
  return new AppFailure('invalid-input', message, [{ path: 'file', message, code: 'not-a-file' }]);
}

export function invalidDigest(): AppFailure {
  const message = 'A file fingerprint must be a SHA-256 digest of 64 lower-case hexadecimal characters.';
  return new AppFailure('invalid-input', message, [{ path: 'sha256', message, code: 'invalid-sha256' }]);
}

export function blobMissing(subject: string): AppFailure {
  return new AppFailure('not-found', `The stored copy of ${lowerFirst(subject)} is missing from the documents folder.`);
}

export function blobDamaged(subject: string): AppFailure {
  return new AppFailure(
    'unavailable',
    `The stored copy of ${lowerFirst(subject)} is damaged and cannot be opened. Restore it from a backup or add the file again.`,
  );
}

/** A failure to open or read the file being added, when it is the person's to fix; else null (stays internal). */
export function sourceFailure(error: unknown, subject: string): AppFailure | null {
  switch (systemCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppFailure('not-found', `${subject} could not be found. It may have been moved or deleted.`);
    case 'EACCES':
    case 'EPERM':
      return new AppFailure('forbidden', `Focal Desk is not allowed to read ${lowerFirst(subject)}. Check its permissions.`);
    case 'EISDIR':
      return notAFile(subject);
    default:
      return null;
  }
}

/** A failure to write a copy to where the person asked, when it is theirs to fix; else null (stays internal). */
export function destinationFailure(error: unknown, subject: string): AppFailure | null {
  switch (systemCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppFailure('not-found', `The folder to save ${lowerFirst(subject)} in could not be found.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppFailure('forbidden', `Focal Desk is not allowed to save ${lowerFirst(subject)} there. Choose another folder.`);
    case 'EISDIR':
      return new AppFailure('invalid-input', `A folder already has the name chosen for ${lowerFirst(subject)}. Choose another name.`);
    default:
      return diskFull(error, subject, 'save');
  }
}

/** The disk (or the user's quota) is full; null for any other error. */
export function diskFull(error: unknown, subject: string, doing: 'add' | 'save'): AppFailure | null {
  const code = systemCode(error);
  if (code !== 'ENOSPC' && code !== 'EDQUOT') return null;
  return new AppFailure(
    'unavailable',
    `There is not enough free disk space to ${doing} ${lowerFirst(subject)}. Free some space and try again.`,
  );
}

/** The `code` of a Node system error (`ENOENT`…), if `error` is one. */
export function systemCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function lowerFirst(subject: string): string {
  return subject.startsWith('This ') ? `this ${subject.slice('This '.length)}` : subject;
}

/** Returns `sha256` when it is 64 lower-case hex characters, so no path is ever built from other text; else throws. */
export function requireDigest(sha256: string): string {
  if (!isSha256Hex(sha256)) throw invalidDigest();
  return sha256;
}
