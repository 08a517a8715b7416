import type { Logger } from '../core/ports';
import type { RunningHost } from './start-host';

/**
 * Stops the host on SIGINT (Ctrl+C) or SIGTERM and exits 0 once the sockets, the server and the core (with its data
 * directory lock) are closed. Exits 1 if that takes longer than `timeoutMs`, or at a second signal: a person pressing
 * Ctrl+C twice wants out now, and the lock left behind names a dead process, which the next start takes over.
 */
export function stopOnSignals(host: RunningHost, logger: Logger, timeoutMs: number): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.log('info', 'Host stopping', { signal });
    setTimeout(() => {
      process.stderr.write('The Focal Desk host did not stop in time; exiting anyway.\n');
      process.exit(1);
    }, timeoutMs).unref();
    host.stop().then(
      () => {
        process.stdout.write('Focal Desk host stopped.\n');
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`The Focal Desk host did not stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
