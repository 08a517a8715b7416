import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A runnable copy of the crash writer; `dispose()` deletes it. */
export interface WriterBundle {
  /** Run as `node <path> '<WriterArgs JSON>'`: no loader, so the pid is the writer and it starts in ~0.2 s. */
  readonly path: string;
  dispose(): void;
}

/**
 * Bundles tests/crash/crash-writer.ts (with RxDB and our storage, compiled the way tsx would) into one ESM file.
 * Why: under `node --import tsx` the writer took ~1.1 s to start, most of it resolving and transforming modules
 * through tsx's hooks; bundled it is ready in a fraction of that, which is what lets hundreds of kills fit in minutes.
 * The bundle lives under node_modules/.cache so the native SQLite binding (left external) resolves from there.
 */
export async function bundleWriter(): Promise<WriterBundle> {
  const cache = join(repoRoot, 'node_modules', '.cache', 'focal-crash');
  removeOrphans(cache);
  const dir = join(cache, `${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'crash-writer.mjs');
  try {
    await build({
      entryPoints: [join(repoRoot, 'tests', 'crash', 'crash-writer.ts')],
      outfile: path,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['better-sqlite3-multiple-ciphers'],
      // CommonJS dependencies inside an ESM bundle call require(); give them Node's.
      banner: {
        js: "import { createRequire as __focalRequire } from 'node:module'; const require = __focalRequire(import.meta.url);",
      },
      logLevel: 'silent',
    });
  } catch (error: unknown) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    path,
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Deletes bundles left by runs that were killed before their cleanup ran (their pid, the name's prefix, is gone). */
function removeOrphans(cache: string): void {
  let entries: string[];
  try {
    entries = readdirSync(cache);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = Number(entry.split('-')[0]);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    rmSync(join(cache, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    // EPERM: the pid exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
