import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, type PlatformFacts } from '../core/data-dir/default-data-dir';

/** What `npm run host -- …` asked for. */
export type HostCommand =
  | {
      readonly kind: 'run';
      readonly dataDir: string;
      readonly port: number;
      readonly rendererRoot: string | null;
      /** `--key-file`: the store key; else FOCAL_DESK_STORE_KEY; else the store is not encrypted. */
      readonly keyFile: string | null;
      /** `--passphrase`: a new store is protected by a passphrase asked in the browser. Excludes `keyFile`. */
      readonly passphrase: boolean;
    }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string };

export const HOST_USAGE = `Usage: npm run host -- [--data DIR] [--port N] [--key-file FILE | --passphrase]

Serves Focal Desk to a browser on this computer only (127.0.0.1), with a new access token each run.

Options:
  --data DIR       data directory (default: the Focal Desk app's own, e.g. ~/.config/Focal Desk)
  --port N         TCP port on 127.0.0.1, 0-65535 (default: 0, a free port)
  --key-file FILE  the store's encryption key, 64 hex characters (default: $FOCAL_DESK_STORE_KEY, else none)
  --passphrase     protect a new store with a passphrase, chosen in the browser; the page then asks for it at
                   every start. A store that already has a passphrase always asks for it, with or without this flag.
  --renderer DIR   serve the built renderer from DIR instead of dist/renderer (used by tests)
  -h, --help       show this help

Environment:
  FOCAL_DESK_STORE_KEY         the store key, when neither --key-file nor --passphrase is given
  FOCAL_DESK_STORE_PASSPHRASE  unlocks a passphrase-protected store at start instead of asking in the browser
                               (for scripts; it is read, never printed or logged)
`;

/**
 * Parses the host's arguments. Never throws: a wrong flag or port becomes a `usage-error` whose message is one line.
 * `--renderer` exists so process-level tests do not depend on a renderer build.
 */
export function parseHostArgs(argv: readonly string[], facts: PlatformFacts & { readonly cwd: string }): HostCommand {
  let values: { data?: string; port?: string; renderer?: string; 'key-file'?: string; passphrase?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        data: { type: 'string' },
        port: { type: 'string' },
        renderer: { type: 'string' },
        'key-file': { type: 'string' },
        passphrase: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error: unknown) {
    return { kind: 'usage-error', message: firstLine(error instanceof Error ? error.message : String(error)) };
  }
  if (values.help === true) return { kind: 'help' };

  const port = parsePort(values.port ?? '0');
  if (port === null) return { kind: 'usage-error', message: `--port must be a whole number from 0 to 65535, not "${values.port ?? ''}".` };
  if (values.data === '') return { kind: 'usage-error', message: '--data needs a directory.' };
  if (values.renderer === '') return { kind: 'usage-error', message: '--renderer needs a directory.' };
  if (values['key-file'] === '') return { kind: 'usage-error', message: '--key-file needs a file.' };
  if (values['key-file'] !== undefined && values.passphrase === true) {
    const message = '--key-file and --passphrase cannot be used together: a store is protected by one or the other.';
    return { kind: 'usage-error', message };
  }

  return {
    kind: 'run',
    dataDir: resolve(facts.cwd, values.data ?? defaultDataDir(facts)),
    port,
    rendererRoot: values.renderer === undefined ? null : resolve(facts.cwd, values.renderer),
    keyFile: values['key-file'] === undefined ? null : resolve(facts.cwd, values['key-file']),
    passphrase: values.passphrase === true,
  };
}

function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65_535 ? port : null;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
