import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CountrySummary } from '../../../shared/api/directory';
import type { Country } from '../../../shared/schemas/country';
import { useTempDir } from '../../core/testing/temp-dir';
import type { CliIo } from '../cli-io';
import { runCli } from '../run-cli';

function capture(): CliIo & { stdout: string[]; stderr: string[]; text(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text), text: () => stdout.join('\n') };
}

describe('countries command', () => {
  const temp = useTempDir('focal-cli-countries-');
  const dataDir = () => join(temp.path, 'data');

  async function cli(...argv: string[]) {
    const io = capture();
    const code = await runCli([...argv, '--data', dataDir()], io);
    return { code, io };
  }
  async function json<T>(...argv: string[]): Promise<T> {
    const { code, io } = await cli(...argv, '--json');
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    return JSON.parse(io.text()) as T;
  }

  it('updates where a country stands, creating an ISO country on its first edit', async () => {
    expect(await json<CountrySummary[]>('countries', 'list')).toEqual([]);
    const ghana = await json<Country>(
      'countries', 'update', 'GH',
      '--set', 'networkStatus=appointed',
      '--set', 'coHost=yes',
      '--set', 'yearJoined=2011',
      '--set', 'regionalOrganisations=AU, ECOWAS',
      '--set', 'regionalOrganisations=AU,Commonwealth',
      '--set', 'nationalExperience=Hosted the 2013 regional meeting.',
    );
    expect(ghana).toMatchObject({
      id: 'gh',
      code: 'GH',
      name: 'Ghana',
      region: 'africa',
      networkStatus: 'appointed',
      coHost: true,
      yearJoined: 2011,
      regionalOrganisations: ['AU', 'ECOWAS', 'Commonwealth'],
      nationalExperience: 'Hosted the 2013 regional meeting.',
    });
    const listed = await json<CountrySummary[]>('countries', 'list');
    expect(listed.map((country) => [country.code, country.networkStatus, country.coHost])).toEqual([['GH', 'appointed', true]]);

    const human = await cli('countries', 'update', 'gh', '--set', 'yearJoined=', '--set', 'coHost=false');
    expect(human).toMatchObject({ code: 0, io: { stdout: ['Updated Ghana (GH): appointed, AU, ECOWAS, Commonwealth.'], stderr: [] } });
    const cleared = await json<Country>('countries', 'update', 'gh', '--set', 'regionalOrganisations=');
    expect(cleared).toMatchObject({ yearJoined: null, coHost: false, regionalOrganisations: [] });
  });

  it('lists every ISO country with --all, still filtered', async () => {
    const all = await json<CountrySummary[]>('countries', 'list', '--all');
    expect(all).toHaveLength(250);
    const gulf = await json<CountrySummary[]>('countries', 'list', '--all', '--region', 'middle-east');
    expect(gulf.map((country) => country.code)).toContain('QA');
    expect(gulf.every((country) => country.region === 'middle-east' && country.contactCount === 0)).toBe(true);
    // Nothing was written by listing.
    expect(await json<CountrySummary[]>('countries', 'list')).toEqual([]);
  });

  it('refuses a code that is not ISO, a bad value and a bad command line, in one line', async () => {
    const unknown = await cli('countries', 'update', 'ZZ', '--set', 'coHost=true');
    expect(unknown).toMatchObject({ code: 1, io: { stdout: [] } });
    expect(unknown.io.stderr).toEqual(['focal-desk: There is no country with the code ZZ: it is not an ISO 3166 country code.']);

    const year = await cli('countries', 'update', 'DK', '--set', 'yearJoined=1999');
    expect(year.code).toBe(1);
    expect(year.io.stderr[0]).toMatch(/^focal-desk: Some of the information given is not valid\. changes\.yearJoined: /);
    const status = await cli('countries', 'update', 'DK', '--set', 'networkStatus=pending');
    expect(status.code).toBe(1);
    expect(status.io.stderr[0]).toMatch(/changes\.networkStatus/);

    const notYesNo = await cli('countries', 'update', 'DK', '--set', 'coHost=maybe');
    expect(notYesNo).toMatchObject({ code: 2 });
    expect(notYesNo.io.stderr[0]).toBe('focal-desk: --set coHost=maybe: use true or false.');
    const notAYear = await cli('countries', 'update', 'DK', '--set', 'yearJoined=twenty');
    expect(notAYear.io.stderr[0]).toBe('focal-desk: --set yearJoined=twenty: use a year such as 2012, or nothing to clear it.');
    const field = await cli('countries', 'update', 'DK', '--set', 'name=Danmark');
    expect(field.code).toBe(2);
    expect(field.io.stderr[0]).toMatch(/^focal-desk: --set name=Danmark: use field=value, with field one of region, regionalOrganisations, /);
    const twice = await cli('countries', 'update', 'DK', '--set', 'coHost=true', '--set', 'coHost=false');
    expect(twice.io.stderr[0]).toBe('focal-desk: --set coHost is given twice.');
    const none = await cli('countries', 'update', 'DK');
    expect(none.io.stderr[0]).toBe('focal-desk: Give at least one --set field=value.');
    const wrongOption = await cli('countries', 'list', '--set', 'coHost=true');
    expect(wrongOption.io.stderr[0]).toBe('focal-desk: countries list does not take --set.');
    const noCode = await cli('countries', 'update', '--set', 'coHost=true');
    expect(noCode.code).toBe(2);
    // Nothing of the refused edits was written.
    expect(await json<CountrySummary[]>('countries', 'list')).toEqual([]);
  });
});
