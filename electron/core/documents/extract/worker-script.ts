import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId, Worker, type WorkerOptions } from 'node:worker_threads';
import type * as Esbuild from 'esbuild';

/** File name of the bundled reader next to the bundled main process (see scripts/build.mjs). */
export const BUNDLED_WORKER_FILE = 'extract-worker.cjs';

/** What the reader thread is told at start-up (its `workerData`). */
export interface ReaderWorkerData {
  /** pdfjs-dist's folder (with a trailing separator), for its character maps and standard fonts; absent if not found. */
  readonly pdfjsDir?: string | undefined;
}

/** This module's own location: import.meta.url when run as ESM; esbuild's CommonJS bundle leaves it empty. */
function hereUrl(): string | undefined {
  const meta: { readonly url?: string } = import.meta;
  return meta.url;
}

/**
 * Where the reader thread's code is. Run from source (vitest, tsx: this module's URL ends in .ts) it is
 * extract-worker.ts beside this file; bundled to CommonJS (dist/electron/main.cjs) it is extract-worker.cjs beside the
 * bundle, which the build emits as its own entry.
 */
export function defaultWorkerScript(): URL {
  const here = hereUrl();
  if (here?.endsWith('.ts') === true) return new URL('./extract-worker.ts', here);
  const bundleDir = here === undefined ? __dirname : dirname(fileURLToPath(here));
  return pathToFileURL(join(bundleDir, BUNDLED_WORKER_FILE));
}

/** pdfjs-dist's folder as seen from this module (the source tree, or the bundle's node_modules), or undefined. */
export function findPdfjsDir(): string | undefined {
  try {
    return dirname(createRequire(hereUrl() ?? __filename).resolve('pdfjs-dist/package.json')) + sep;
  } catch {
    return undefined;
  }
}

/**
 * Starts a worker thread on `script`. JavaScript starts directly. A TypeScript script (development and tests) is
 * first bundled with esbuild into a CommonJS file in the OS temp folder, the way scripts/build.mjs bundles the shipped
 * reader, so tests run the same shape of code as the app. (Registering a TypeScript loader inside each thread is not
 * an option: on Node 20 the loader's hooks thread belongs to the first thread that registers it and dies with it, so a
 * reader killed for its timeout or memory would take module loading down for every later one.)
 * @throws Error when the script does not exist (the build did not emit the reader: an installation fault, not a bad
 * file), or a .ts script is given and esbuild (a development dependency) is missing or the bundle fails.
 */
export function startWorkerThread(script: URL, options: WorkerOptions): Worker {
  const path = fileURLToPath(script);
  if (!existsSync(path)) throw new Error(`The text extraction reader is missing: ${path} does not exist.`);
  return new Worker(path.endsWith('.ts') ? bundleForDevelopment(path) : path, options);
}

const bundled = new Map<string, string>();

/**
 * Bundles `entry` once per process into the OS temp folder, at a path fixed per entry, so repeated runs replace one
 * file instead of leaving a new one behind. The file is written under a unique name and renamed into place, so test
 * processes bundling in parallel never start a thread on a half-written file.
 */
function bundleForDevelopment(entry: string): string {
  const done = bundled.get(entry);
  if (done !== undefined) return done;
  // Loaded by name at run time so that bundling this module for the app never pulls esbuild in.
  const esbuildName = 'esbuild';
  const esbuild = createRequire(hereUrl() ?? __filename)(esbuildName) as typeof Esbuild;
  const result = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
    write: false,
  });
  const code = result.outputFiles[0]?.contents;
  if (code === undefined) throw new Error(`esbuild produced no output for ${entry}`);
  const folder = join(tmpdir(), 'focal-desk-dev-readers');
  mkdirSync(folder, { recursive: true });
  const key = createHash('sha256').update(entry).digest('hex').slice(0, 16);
  const outfile = join(folder, `${basename(entry, '.ts')}-${key}.cjs`);
  const partial = `${outfile}.${process.pid}.${threadId}.partial`;
  writeFileSync(partial, code);
  renameSync(partial, outfile);
  bundled.set(entry, outfile);
  return outfile;
}
