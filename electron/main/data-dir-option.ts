/** Environment variable that overrides the data directory (used by tests and by admins running a second profile). */
export const DATA_DIR_ENV = 'FOCAL_DESK_DATA_DIR';

export type DataDirChoice =
  | { readonly ok: true; readonly dataDir: string; readonly source: 'argument' | 'environment' | 'default' }
  | { readonly ok: false; readonly message: string };

/**
 * Picks the data directory: `--data DIR` (or `--data=DIR`) on the command line wins, then FOCAL_DESK_DATA_DIR, then
 * `fallback` (Electron's userData folder). A `--data` without a directory is an error rather than a silent fallback,
 * so a typo never opens the wrong store. The last `--data` given wins, as with most command-line tools.
 */
export function chooseDataDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  fallback: string,
): DataDirChoice {
  let fromArgument: string | null = null;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    let value: string | undefined;
    if (arg === '--data') {
      value = argv[index + 1];
      index += 1;
    } else if (arg.startsWith('--data=')) {
      value = arg.slice('--data='.length);
    } else {
      continue;
    }
    if (value === undefined || value === '' || value.startsWith('--')) {
      return { ok: false, message: '--data needs a directory, for example: --data "/path/to/Focal Desk data"' };
    }
    fromArgument = value;
  }
  if (fromArgument !== null) return { ok: true, dataDir: fromArgument, source: 'argument' };
  const fromEnvironment = env[DATA_DIR_ENV];
  if (fromEnvironment !== undefined && fromEnvironment !== '') {
    return { ok: true, dataDir: fromEnvironment, source: 'environment' };
  }
  return { ok: true, dataDir: fallback, source: 'default' };
}
