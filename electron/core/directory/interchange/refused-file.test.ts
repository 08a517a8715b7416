import { describe, expect, it } from 'vitest';
import { importFileIssueOf } from '../../../../shared/api/import-issues';
import { useDirectoryCore } from '../testing/directory-test-kit';

describe('directory.import.preview of a file refused as a whole', () => {
  const kit = useDirectoryCore();

  it('fails with the English sentence and the issue the interface words, code and values included', async () => {
    const t = await kit.start();
    const error = await t.failure('directory.import.preview', { format: 'csv', text: 'Name;Email;Country\r\nJane;jane@example.org;DK\r\n', delimiter: ',' });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/^Line 1: the header is a single column/);
    expect(importFileIssueOf(error)).toEqual({
      code: 'wrong-delimiter',
      params: { line: 1, header: 'Name;Email;Country', found: 'semicolon', used: 'comma' },
      message: error.message,
    });
    const vcard = await t.failure('directory.import.preview', { format: 'vcard', text: 'FN:Nobody\r\n' });
    expect(importFileIssueOf(vcard)?.code).toBe('no-vcard');
  });
});
