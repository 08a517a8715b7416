// npm run build: bundles the Electron main process and preload with esbuild, then builds the renderer with Vite.
// Output: dist/electron/main.cjs, dist/electron/preload.cjs, dist/renderer/. Exits 1 with one line on failure.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist', 'electron');

/**
 * Native modules are loaded from node_modules at run time (electron-builder unpacks them from the asar); bundling
 * them would lose their .node binaries.
 */
const nativeModules = ['better-sqlite3', 'better-sqlite3-multiple-ciphers'];

/** Data files the core reads beside the bundle (see electron/core/documents/demo/demo-document.ts). */
const demoFiles = ['r2p-focal-points-second-annual-meeting-2012.pdf'];

/** @type {import('esbuild').BuildOptions} */
const shared = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'silent',
  metafile: true,
  legalComments: 'none',
};

const steps = [
  {
    name: 'main',
    options: {
      ...shared,
      entryPoints: ['electron/main/index.ts'],
      outfile: join(outDir, 'main.cjs'),
      platform: /** @type {const} */ ('node'),
      target: 'node22',
      // The VTIMEZONE library reads its zone files from beside its own module: bundled, it would find none.
      external: ['electron', ...nativeModules, '@touch4it/ical-timezones'],
    },
  },
  {
    // The text-extraction reader thread (electron/core/documents/extract): its own CommonJS bundle next to main.cjs,
    // started by the main process with new Worker(...). It carries pdf.js and mammoth, so main.cjs stays small.
    name: 'extract-worker',
    options: {
      ...shared,
      entryPoints: ['electron/core/documents/extract/extract-worker.ts'],
      outfile: join(outDir, 'extract-worker.cjs'),
      platform: /** @type {const} */ ('node'),
      target: 'node22',
      external: ['electron', ...nativeModules],
    },
  },
  {
    // A sandboxed preload gets a `require` that knows `electron` and nothing else: every other import must be inlined,
    // and Node built-ins must fail the build (platform browser), not the app at run time.
    name: 'preload',
    options: {
      ...shared,
      entryPoints: ['electron/preload/index.ts'],
      outfile: join(outDir, 'preload.cjs'),
      platform: /** @type {const} */ ('browser'),
      target: 'es2023',
      external: ['electron'],
      // Loaded by every window before the page; most of it is the contract's zod schemas, which minify well.
      minify: true,
    },
  },
];

/**
 * Prints one line and exits: a build failure should say what failed, not dump a stack.
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

/**
 * First esbuild error as `file:line:col: text`, plus how many more there are.
 * @param {unknown} error
 */
function describeEsbuildError(error) {
  const errors = /** @type {{ errors?: import('esbuild').Message[] }} */ (error).errors;
  const first = errors?.[0];
  if (first === undefined) return error instanceof Error ? error.message : String(error);
  const where = first.location ? `${first.location.file}:${first.location.line}:${first.location.column}: ` : '';
  const more = errors !== undefined && errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `${where}${first.text}${more}`;
}

/**
 * External imports an output kept, i.e. what it will `require` at run time.
 * @param {import('esbuild').Metafile} metafile
 */
function externalImports(metafile) {
  return Object.values(metafile.outputs).flatMap((output) =>
    output.imports.filter((item) => item.external).map((item) => item.path),
  );
}

/** Runs an npm script through the npm that started this script when there is one (no shell, works on Windows). */
function runNpmScript(/** @type {string} */ script) {
  const npmCli = process.env.npm_execpath;
  const [command, args] =
    npmCli !== undefined && npmCli.endsWith('.js')
      ? [process.execPath, [npmCli, 'run', '-s', script]]
      : ['npm', ['run', '-s', script]];
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' && command === 'npm' });
}

rmSync(outDir, { recursive: true, force: true });
for (const step of steps) {
  let result;
  try {
    result = await build(step.options);
  } catch (error) {
    fail(`${step.name} bundle failed — ${describeEsbuildError(error)}`);
  }
  if (result.metafile === undefined) fail(`${step.name} bundle produced no metafile`);
  const required = externalImports(result.metafile).filter((path) => path !== 'electron');
  if (step.name === 'preload' && required.length > 0) {
    fail(`the preload would require ${required.join(', ')}, which a sandboxed preload cannot load`);
  }
  console.log(`build: ${step.name} → ${relative(root, step.options.outfile)}`);
}

// Files the core reads at run time beside main.cjs: the demo library's PDF (electron/core/documents/demo).
mkdirSync(join(outDir, 'demo'), { recursive: true });
for (const file of demoFiles) copyFileSync(join(root, 'electron', 'core', 'documents', 'demo', file), join(outDir, 'demo', file));
console.log(`build: demo files → ${relative(root, join(outDir, 'demo'))}`);

if (!existsSync(join(root, 'renderer', 'vite.config.ts'))) {
  fail('renderer/vite.config.ts is missing, so the renderer cannot be built');
}
const renderer = runNpmScript('build:renderer');
if (renderer.error !== undefined) fail(`could not run npm run build:renderer (${renderer.error.message})`);
if (renderer.status !== 0) fail(`the renderer build failed (npm run build:renderer exited with ${String(renderer.status)})`);
console.log('build: renderer → dist/renderer');
