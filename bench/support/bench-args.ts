/** Options every bench understands, plus its own `--name value` / `--name=value` pairs. */
export interface BenchArgs {
  /** `--json`: the last line printed to stdout is one JSON object holding every figure and ratio. */
  readonly json: boolean;
  /** `--quick`: a smoke run with small counts, to check the bench works, not to measure. */
  readonly quick: boolean;
  /** Every other `--name value` or `--name=value` (a bare `--flag` maps to 'true'). */
  readonly options: ReadonlyMap<string, string>;
}

/** Parses a bench's arguments (everything after its name). Throws on a positional argument. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    if (eq > 0) {
      options.set(arg.slice(2, eq), arg.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      options.set(arg.slice(2), next);
      i += 1;
    } else {
      options.set(arg.slice(2), 'true');
    }
  }
  const json = options.get('json') === 'true';
  const quick = options.get('quick') === 'true';
  options.delete('json');
  options.delete('quick');
  return { json, quick, options };
}

/** A positive integer option, or `fallback` when absent. Throws on anything else, naming the option. */
export function intOption(args: BenchArgs, name: string, fallback: number): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}
