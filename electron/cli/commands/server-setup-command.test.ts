import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { CliOptionValues } from '../cli-command';
import { CliFailure, EXIT_FAILED, EXIT_USAGE } from '../cli-io';
import { createServerSetupCommand, serverSetupCommand } from './server-setup-command';

// The command against a real CouchDB-compatible server (output per database, idempotence, wrong password) is tested in
// tests/integration/server-setup.test.ts; here, what it refuses before or without a server.

const PASSWORD = 's3cret-admin-password';

async function run(options: CliOptionValues, env: NodeJS.ProcessEnv, json = false) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const command = createServerSetupCommand(env);
  const outcome = await command
    .run({ dataDir: '/nonexistent', json, keyFile: undefined, args: ['server-setup'], options, io: { out: (text) => stdout.push(text), err: (text) => stderr.push(text) } })
    .then(
      (code) => ({ code, failure: undefined }),
      (error: unknown) => ({ code: undefined, failure: error }),
    );
  return { ...outcome, stdout, stderr };
}

function failure(outcome: { failure: unknown }): CliFailure {
  if (!(outcome.failure instanceof CliFailure)) throw new Error(`Expected a CliFailure, got ${String(outcome.failure)}`);
  return outcome.failure;
}

/** A 127.0.0.1 port with nothing listening on it (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

describe('server-setup command', () => {
  it('declares its options and explains where the password comes from', () => {
    expect(serverSetupCommand.name).toBe('server-setup');
    expect(Object.keys(serverSetupCommand.options ?? {})).toEqual(['url', 'admin-user']);
    expect(serverSetupCommand.usage?.join('\n')).toContain('FOCALDESK_ADMIN_PASSWORD');
  });

  it('refuses clearly when FOCALDESK_ADMIN_PASSWORD is not set, before any request', async () => {
    const outcome = await run({ url: 'http://127.0.0.1:1/', 'admin-user': 'admin' }, {});
    expect(failure(outcome)).toMatchObject({
      exitCode: EXIT_FAILED,
      message:
        'Set FOCALDESK_ADMIN_PASSWORD to the password of admin (it is read, never printed); server-setup does not take it on the command line.',
    });
    expect(outcome.stdout).toEqual([]);
    expect(failure(await run({ url: 'http://127.0.0.1:1/', 'admin-user': 'admin' }, { FOCALDESK_ADMIN_PASSWORD: '' })).message).toMatch(
      /^Set FOCALDESK_ADMIN_PASSWORD/,
    );
  });

  it('is a usage error without --url or --admin-user', async () => {
    const env = { FOCALDESK_ADMIN_PASSWORD: PASSWORD };
    expect(failure(await run({ 'admin-user': 'admin' }, env))).toMatchObject({
      exitCode: EXIT_USAGE,
      message: 'server-setup needs --url, the address of the CouchDB server.',
    });
    expect(failure(await run({ url: 'http://127.0.0.1:1/' }, env))).toMatchObject({
      exitCode: EXIT_USAGE,
      message: 'server-setup needs --admin-user, the name of a server admin.',
    });
  });

  it('fails in one plain line, without the password, when the server cannot be reached', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/`;
    const outcome = await run({ url, 'admin-user': 'admin' }, { FOCALDESK_ADMIN_PASSWORD: PASSWORD }, true);
    expect(failure(outcome)).toMatchObject({
      exitCode: EXIT_FAILED,
      message: `The server at ${url} could not be reached: nothing answers at that address and port.`,
    });
    expect(failure(outcome).message).not.toContain(PASSWORD);
    expect(outcome.stdout).toEqual([]);
  });

  it('refuses an unusable address as a failure of the command, naming it', async () => {
    const outcome = await run({ url: 'couch.example.org', 'admin-user': 'admin' }, { FOCALDESK_ADMIN_PASSWORD: PASSWORD });
    expect(failure(outcome).message).toBe('The server address "couch.example.org" is not a URL; write it like https://couch.example.org/.');
  });
});
