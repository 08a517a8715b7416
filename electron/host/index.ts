import { homedir } from 'node:os';
import { join } from 'node:path';
import { createFileLogger } from '../core/logging/file-logger';
import { nodeSecretStore } from '../core/secrets/node-secret-store';
import type { Logger, LogLevel } from '../core/ports';
import { readAppVersion } from '../core/app-version';
import { HOST_USAGE, parseHostArgs } from './host-args';
import { DEFAULT_RENDERER_ROOT, assertRendererBuilt } from './renderer-build';
import { startHost, type RunningHost } from './start-host';
import { describeStartupError } from './startup-error';
import { stopOnSignals } from './stop-on-signals';

/** How long a stop may take before the process exits anyway; a hung socket must not make Ctrl+C useless. */
const STOP_TIMEOUT_MS = 5_000;

/**
 * `npm run host -- --data DIR [--port N] [--key-file FILE | --passphrase]`: the core behind an HTTP + WebSocket server
 * on 127.0.0.1. With a passphrase-protected store the core starts locked and the page asks for the passphrase.
 * stdout: the line `Focal Desk host: http://127.0.0.1:PORT/#token=TOKEN` (tests parse it), then a hint.
 * Exit codes: 0 after SIGINT/SIGTERM, 1 when it cannot start (one line on stderr, never a stack), 2 for bad arguments.
 */
async function main(): Promise<void> {
  // If whoever reads stdout goes away (`npm run host | head -1`), the host keeps serving rather than crashing on EPIPE.
  process.stdout.on('error', () => undefined);
  const command = parseHostArgs(process.argv.slice(2), {
    platform: process.platform,
    env: process.env,
    home: homedir(),
    cwd: process.cwd(),
  });
  if (command.kind === 'help') {
    process.stdout.write(HOST_USAGE);
    return;
  }
  if (command.kind === 'usage-error') {
    process.stderr.write(`focal-desk host: ${command.message}\n${HOST_USAGE}`);
    process.exit(2);
  }

  // Echo stays off until the host is up, so a failed start prints exactly one line; the log file keeps everything.
  let echo = false;
  let logger: Logger | null = null;
  let host: RunningHost;
  try {
    const rendererRoot = command.rendererRoot ?? DEFAULT_RENDERER_ROOT;
    // Checked before the logger exists so a missing build leaves no trace in the data directory.
    assertRendererBuilt(rendererRoot);
    logger = createFileLogger({
      directory: join(command.dataDir, 'logs'),
      echo: (level: LogLevel, line: string) => {
        if (echo && (level === 'warn' || level === 'error')) process.stderr.write(`${line}\n`);
      },
    });
    host = await startHost({
      dataDir: command.dataDir,
      port: command.port,
      rendererRoot,
      appVersion: readAppVersion(),
      logger,
      secrets: nodeSecretStore({
        keyFile: command.keyFile ?? undefined,
        passphrase: command.passphrase,
        dataDir: command.dataDir,
        env: process.env,
      }),
    });
  } catch (error: unknown) {
    const { line, expected } = describeStartupError(error);
    if (!expected) logger?.log('error', 'The host could not start', { error: error instanceof Error ? error.stack : String(error) });
    process.stderr.write(`${line}\n`);
    process.exit(1);
  }
  echo = true;

  // Handlers first, then the URL: whoever reads the line (a person, a test) may stop the host at once.
  stopOnSignals(host, logger, STOP_TIMEOUT_MS);
  process.stdout.write(
    `Focal Desk host: ${host.pageUrl}\nOpen that address in Chromium or Chrome on this computer. Press Ctrl+C to stop.\n`,
  );
}

await main();
