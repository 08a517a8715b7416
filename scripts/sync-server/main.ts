import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { startSyncServer, type SyncServer } from './start-sync-server.js';
import { putUser } from './sync-users.js';

// `npm run server`: a CouchDB-compatible server on 127.0.0.1 for trying sync, set up as a real one would be.

const USAGE = `Usage: npm run server -- [--port N] [--data DIR] [--user NAME] [--password PASSWORD] [--secretariat NAME]
  --port         port on 127.0.0.1 (default 5984; 0 picks a free one)
  --data         folder for the databases (default ./.focal-server); kept between runs
  --user         the demo user, role focal-point (default demo)
  --password     its password (default: one made up on the first run and kept in the data folder)
  --secretariat  also make a user of this name with the role secretariat (may change anyone's records)`;

const ADMIN_USER = 'admin';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

interface Credentials {
  admin: string;
  users: Record<string, string>;
}

/** A wrong command line: printed with the usage. */
class UsageError extends Error {}

const OPTIONS = {
  port: { type: 'string', default: '5984' },
  data: { type: 'string', default: '.focal-server' },
  user: { type: 'string', default: 'demo' },
  password: { type: 'string' },
  secretariat: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function commandLine() {
  try {
    return parseArgs({ options: OPTIONS }).values;
  } catch (error: unknown) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

function options() {
  const values = commandLine();
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a number from 0 to 65535, not "${values.port}".`);
  if (values.user === '' || values.secretariat === '' || values.password === '') throw new UsageError('--user, --password and --secretariat need a value.');
  return { ...values, port, dataDir: resolve(values.data) };
}

/** The admin's and users' passwords, made up once per data folder and kept beside the databases (readable by you only). */
function loadCredentials(dataDir: string): Credentials {
  const file = join(dataDir, 'credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  return { admin: newPassword(), users: {} };
}

function saveCredentials(dataDir: string, credentials: Credentials): void {
  writeFileSync(join(dataDir, 'credentials.json'), `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
}

function newPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Runs the CLI's `server-setup` against the server, as an administrator would against CouchDB. It runs as a child
 * process because this script is type-checked as a plain Node ESM script, which cannot import the core's modules; and
 * asynchronously, since the server it talks to answers from this very process.
 */
async function runServerSetup(url: string, adminPassword: string): Promise<string> {
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/index.ts', 'server-setup', '--url', url, '--admin-user', ADMIN_USER, '--json'],
      { cwd: repoRoot, env: { ...process.env, FOCALDESK_ADMIN_PASSWORD: adminPassword }, encoding: 'utf8' },
    ));
  } catch (error: unknown) {
    const stderr = (error as { stderr?: unknown }).stderr;
    throw new Error(`server-setup failed: ${typeof stderr === 'string' && stderr.trim() !== '' ? stderr.trim() : String(error)}`, { cause: error });
  }
  const report = JSON.parse(stdout) as { databases: { database: string; status: string }[] };
  const created = report.databases.filter((database) => database.status === 'created').length;
  return `${report.databases.length} ready (${created} created): ${report.databases.map((database) => database.database).join(', ')}`;
}

async function main(): Promise<void> {
  const settings = options();
  if (settings.help) {
    console.log(USAGE);
    return;
  }
  mkdirSync(settings.dataDir, { recursive: true });
  const credentials = loadCredentials(settings.dataDir);
  const demoPassword = settings.password ?? credentials.users[settings.user] ?? newPassword();
  credentials.users[settings.user] = demoPassword;
  const secretariatPassword =
    settings.secretariat === undefined ? undefined : (credentials.users[settings.secretariat] ?? newPassword());
  if (settings.secretariat !== undefined && secretariatPassword !== undefined) credentials.users[settings.secretariat] = secretariatPassword;
  saveCredentials(settings.dataDir, credentials);

  let server: SyncServer;
  try {
    server = await startSyncServer({ dataDir: settings.dataDir, port: settings.port, adminUser: ADMIN_USER, adminPassword: credentials.admin });
  } catch (error: unknown) {
    if ((error as { code?: unknown }).code === 'EADDRINUSE') {
      throw new Error(`Port ${settings.port} is in use; start with --port N (0 picks a free one).`, { cause: error });
    }
    throw error;
  }
  const stop = () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const databases = await runServerSetup(server.url, credentials.admin);
    const admin = { user: ADMIN_USER, password: credentials.admin };
    await putUser(server.url, admin, settings.user, demoPassword, ['focal-point']);
    if (settings.secretariat !== undefined && secretariatPassword !== undefined) {
      await putUser(server.url, admin, settings.secretariat, secretariatPassword, ['secretariat']);
    }
    console.log(
      [
        `Focal Desk sync server on ${server.url} (data in ${settings.dataDir})`,
        `  user:        ${settings.user} / ${demoPassword}  (role focal-point)`,
        settings.secretariat === undefined
          ? '  secretariat: none made (add --secretariat NAME for a user who may change anyone\'s records)'
          : `  secretariat: ${settings.secretariat} / ${secretariatPassword ?? ''}  (role secretariat)`,
        `  admin:       ${ADMIN_USER} / ${credentials.admin}`,
        `  databases:   ${databases}`,
        'Stop it with Ctrl+C.',
      ].join('\n'),
    );
  } catch (error: unknown) {
    await server.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`sync server: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof UsageError) console.error(USAGE);
  process.exitCode = 1;
});
