// `npm run bench -- <name> [--json] [--quick] [...]` runs bench/<name>.bench.ts. Benchmarks measure and print; they are
// never part of `npm test`. Exit codes: 0 done, 1 the bench failed, 2 unknown bench or bad arguments.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseBenchArgs, type BenchArgs } from './support/bench-args';
import type { BenchModule } from './support/bench-module';

const benchDir = dirname(fileURLToPath(import.meta.url));
const suffix = '.bench.ts';

/** Names of the benches in this folder, from their file names. */
function benchNames(): string[] {
  return readdirSync(benchDir)
    .filter((file) => file.endsWith(suffix))
    .map((file) => file.slice(0, -suffix.length))
    .sort();
}

async function load(name: string): Promise<BenchModule> {
  const module = (await import(pathToFileURL(join(benchDir, `${name}${suffix}`)).href)) as Partial<BenchModule>;
  if (typeof module.run !== 'function' || typeof module.description !== 'string') {
    throw new Error(`bench/${name}${suffix} must export "description" and "run"`);
  }
  return module as BenchModule;
}

async function printList(names: readonly string[]): Promise<void> {
  const lines = ['usage: npm run bench -- <name> [--json] [--quick] [options]', '', 'benches:'];
  for (const name of names) lines.push(`  ${name.padEnd(10)} ${(await load(name)).description}`);
  process.stderr.write(`${lines.join('\n')}\n`);
}

async function main(argv: readonly string[]): Promise<number> {
  const names = benchNames();
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    await printList(names);
    return 0;
  }
  if (!names.includes(name)) {
    process.stderr.write(`bench: unknown bench "${name}".\n`);
    await printList(names);
    return 2;
  }
  let args: BenchArgs;
  try {
    args = parseBenchArgs(rest);
  } catch (error: unknown) {
    process.stderr.write(`bench ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    await (await load(name)).run(args);
    return 0;
  } catch (error: unknown) {
    process.stderr.write(`bench ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

// process.exitCode rather than process.exit(): lets stdout drain when it is a pipe. A bench must close what it opened;
// if something still keeps the process alive, say so and leave rather than hang (the timer itself does not hold it).
process.exitCode = await main(process.argv.slice(2));
setTimeout(() => {
  process.stderr.write('bench: a handle was left open after the bench ended; exiting anyway.\n');
  process.exit();
}, 5_000).unref();
