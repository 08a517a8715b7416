import { processIo } from './cli-io';
import { runCli } from './run-cli';

// Entry point of `npm run cli -- …`. The exit code is set rather than calling process.exit, so stdout is flushed.
process.exitCode = await runCli(process.argv.slice(2), processIo);
