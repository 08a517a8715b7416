import type { ImportFileIssueCode, ImportIssue, ImportIssueParams } from '../../../../shared/api/import-issues';

/**
 * Why a whole file is refused before any record is read: binary content, an encoding other than UTF-8/UTF-16, nothing
 * recognisable as contacts, a line over 1 MB, too many records. Nothing of such a file is imported. The message is
 * written for a person and names the line when there is one (1-based; null when the problem is the file as a whole);
 * `issue` says the same as a code and values, for the interface to word in its language.
 */
export class InterchangeFileError extends Error {
  /** 1-based line the problem was found on; null when it concerns the whole file. */
  readonly line: number | null;
  readonly issue: ImportIssue;

  /** `params.line`, when given, is the line the problem was found on. */
  constructor(code: ImportFileIssueCode, message: string, params: ImportIssueParams = {}) {
    super(message);
    this.name = 'InterchangeFileError';
    this.line = typeof params.line === 'number' ? params.line : null;
    this.issue = { code, message, ...(Object.keys(params).length === 0 ? {} : { params }) };
  }
}
