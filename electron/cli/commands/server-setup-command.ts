import { AppFailure } from '../../core/app-failure';
import { createNodeHttpFetch } from '../../core/sync/http/node-http-fetch';
import { setupServer, type DatabaseSetupReport, type ServerSetupReport } from '../../core/sync/server-setup/server-setup';
import type { CliCommand } from '../cli-command';
import { CliFailure } from '../cli-io';
import { stringOption, usageError } from './cli-args';

/** Where the admin's password comes from: never the command line, where it would sit in shell history and `ps`. */
export const ADMIN_PASSWORD_ENV = 'FOCALDESK_ADMIN_PASSWORD';

/**
 * `server-setup --url URL --admin-user U [--json]`: prepares a CouchDB server for the network (databases, `_security`,
 * validate_doc_update), idempotently, and prints what it did per database. The password is read from
 * FOCALDESK_ADMIN_PASSWORD and never printed or logged. Requests go through HTTPS_PROXY / NO_PROXY like sync's.
 * `env` is injectable for tests; the registered command reads the process's environment.
 */
export function createServerSetupCommand(env: NodeJS.ProcessEnv = process.env): CliCommand {
  return {
    name: 'server-setup',
    summary: 'Create the shared databases on a CouchDB server, with their security and validation',
    usage: [
      '--url URL --admin-user NAME   (the admin\'s password in $FOCALDESK_ADMIN_PASSWORD; safe to run again)',
    ],
    options: { url: { type: 'string' }, 'admin-user': { type: 'string' } },
    async run({ options, json, io }) {
      const url = stringOption(options, 'url');
      const adminUser = stringOption(options, 'admin-user');
      if (url === undefined || url === '') throw usageError('server-setup needs --url, the address of the CouchDB server.');
      if (adminUser === undefined || adminUser === '') throw usageError('server-setup needs --admin-user, the name of a server admin.');
      const adminPassword = env[ADMIN_PASSWORD_ENV];
      if (adminPassword === undefined || adminPassword === '') {
        throw new CliFailure(`Set ${ADMIN_PASSWORD_ENV} to the password of ${adminUser} (it is read, never printed); server-setup does not take it on the command line.`);
      }
      let http: ReturnType<typeof createNodeHttpFetch>;
      try {
        http = createNodeHttpFetch(env);
      } catch (error: unknown) {
        if (error instanceof AppFailure) throw new CliFailure(error.message);
        throw error;
      }
      try {
        const report = await setupServer({ url, adminUser, adminPassword, fetch: http.fetch });
        io.out(json ? JSON.stringify(report, null, 2) : formatReport(report));
        return 0;
      } catch (error: unknown) {
        if (error instanceof AppFailure) throw new CliFailure(error.message);
        throw error;
      } finally {
        await http.close();
      }
    },
  };
}

export const serverSetupCommand: CliCommand = createServerSetupCommand();

function formatReport(report: ServerSetupReport): string {
  const width = Math.max(...report.databases.map((database) => database.database.length));
  return [
    `${report.server} at ${report.url}:`,
    ...report.databases.map((database) => `  ${database.database.padEnd(width)}  ${describe(database)}`),
  ].join('\n');
}

function describe(database: DatabaseSetupReport): string {
  if (database.status !== 'updated') return database.status;
  const what = [database.securityChanged ? 'security' : '', database.validationChanged ? 'validation' : ''].filter(Boolean);
  return `updated (${what.join(', ')})`;
}
