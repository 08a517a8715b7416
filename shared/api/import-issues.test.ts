import { describe, expect, it } from 'vitest';
import { IMPORT_FILE_ISSUE_PATH, importFileFieldIssue, importFileIssueOf } from './import-issues';
import type { AppError } from './result';

describe('a refused file’s issue', () => {
  it('crosses a JSON boundary on the `text` field issue, params included', () => {
    const issue = { code: 'not-utf8', params: { line: 3 }, message: 'Line 3: the file is not UTF-8.' } as const;
    const error: AppError = JSON.parse(
      JSON.stringify({ code: 'invalid-input', message: 'Line 3: the file is not UTF-8.', issues: [importFileFieldIssue(issue)] }),
    ) as AppError;
    expect(error.issues?.[0]?.path).toBe(IMPORT_FILE_ISSUE_PATH);
    expect(importFileIssueOf(error)).toEqual(issue);
  });

  it('is null for other errors, and drops params that are not plain values', () => {
    expect(importFileIssueOf({ code: 'conflict', message: 'Changed.' })).toBeNull();
    expect(importFileIssueOf({ code: 'invalid-input', message: 'Bad.', issues: [{ path: 'format', message: 'Bad.', code: 'invalid_value' }] })).toBeNull();
    // A value the contract's type does not allow, as a damaged or foreign message could carry it.
    const odd = { path: 'text', code: 'no-rows', message: 'No rows.', params: { line: { nested: true } } as unknown as Record<string, number> };
    expect(importFileIssueOf({ code: 'invalid-input', message: 'No rows.', issues: [odd] })).toEqual({ code: 'no-rows', message: 'No rows.' });
  });
});
