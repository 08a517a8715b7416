import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../core/app-failure';
import { shellOpener } from './shell-opener';

describe('shellOpener', () => {
  it('passes the path to the shell and succeeds when the shell reports no error', async () => {
    const opened: string[] = [];
    await shellOpener({ openPath: async (path) => (opened.push(path), '') }).openPath('/tmp/x/report.pdf');
    expect(opened).toEqual(['/tmp/x/report.pdf']);
  });

  it('turns the shell’s error text into an unavailable failure a person can read', async () => {
    const failing = shellOpener({ openPath: async () => 'No application is associated with the specified file' });
    const error: unknown = await failing.openPath('/tmp/x/file.xyz').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).code).toBe('unavailable');
    expect((error as AppFailure).message).toContain('No application is associated');
  });
});
