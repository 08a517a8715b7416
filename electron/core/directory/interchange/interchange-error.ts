/**
 * Why a whole file is refused before any record is read: binary content, an encoding other than UTF-8/UTF-16, nothing
 * recognisable as contacts, a line over 1 MB, too many records. Nothing of such a file is imported. The message is
 * written for a person and names the line when there is one (1-based; null when the problem is the file as a whole).
 */
export class InterchangeFileError extends Error {
  /** 1-based line the problem was found on; null when it concerns the whole file. */
  readonly line: number | null;

  constructor(message: string, line: number | null = null) {
    super(message);
    this.name = 'InterchangeFileError';
    this.line = line;
  }
}
