import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TextStatus } from '../../../shared/api/documents';
import type { Sealer } from './crypto/sealer';
import { writeFileAtomically } from './text-index/atomic-write';

/**
 * What extraction found for each file (by SHA-256): its state, and the text itself. The text is kept per file, not per
 * document, so the same file in two documents is read once, and a document's metadata can be re-indexed without
 * reading the file again. Both are sealed with the store key when the store is encrypted: extracted text is as
 * confidential as the file.
 */
export interface TextStore {
  status(sha256: string): TextStatus | undefined;
  setStatus(sha256: string, status: TextStatus): Promise<void>;
  readText(sha256: string): Promise<string | null>;
  writeText(sha256: string, text: string): Promise<void>;
  /** Forgets files no document references any more. */
  forget(keep: ReadonlySet<string>): Promise<number>;
  counts(): { readonly pending: number; readonly failed: number };
}

const STATUS_FILE = 'status.sealed';
const STATUS_CONTEXT = 'text-status';
const textContext = (sha256: string): string => `extracted-text:${sha256}`;

export async function openTextStore(dir: string, sealer: Sealer): Promise<TextStore> {
  await mkdir(join(dir, 'texts'), { recursive: true, mode: 0o700 });
  const statuses = new Map<string, TextStatus>();
  const statusPath = join(dir, STATUS_FILE);
  try {
    const stored: unknown = JSON.parse(Buffer.from(sealer.open(await readFile(statusPath), STATUS_CONTEXT)).toString('utf8'));
    if (typeof stored === 'object' && stored !== null) {
      for (const [sha256, status] of Object.entries(stored)) {
        // Only final states survive a restart: an extraction cut short by a crash is simply done again.
        if (isTextStatus(status) && status.state !== 'extracting') statuses.set(sha256, status);
      }
    }
  } catch (error: unknown) {
    // Missing (first run) or unreadable: every file's text is read again, which is slow but loses nothing.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') statuses.clear();
  }

  let saving: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    const bytes = Buffer.from(JSON.stringify(Object.fromEntries(statuses)), 'utf8');
    saving = saving.catch(() => undefined).then(() => writeFileAtomically(statusPath, sealer.seal(bytes, STATUS_CONTEXT), false));
    return saving;
  };
  const textPath = (sha256: string): string => join(dir, 'texts', sealer.nameFor(sha256));

  return {
    status: (sha256) => statuses.get(sha256),
    setStatus(sha256, status) {
      statuses.set(sha256, status);
      return save();
    },
    async readText(sha256) {
      try {
        return Buffer.from(sealer.open(await readFile(textPath(sha256)), textContext(sha256))).toString('utf8');
      } catch {
        return null;
      }
    },
    async writeText(sha256, text) {
      await writeFileAtomically(textPath(sha256), sealer.seal(Buffer.from(text, 'utf8'), textContext(sha256)), false);
    },
    async forget(keep) {
      let forgotten = 0;
      for (const sha256 of [...statuses.keys()]) {
        if (keep.has(sha256)) continue;
        statuses.delete(sha256);
        await rm(textPath(sha256), { force: true });
        forgotten += 1;
      }
      if (forgotten > 0) await save();
      return forgotten;
    },
    counts() {
      let pending = 0;
      let failed = 0;
      for (const status of statuses.values()) {
        if (status.state === 'pending' || status.state === 'extracting') pending += 1;
        if (status.state === 'failed') failed += 1;
      }
      return { pending, failed };
    },
  };
}

function isTextStatus(value: unknown): value is TextStatus {
  return typeof value === 'object' && value !== null && typeof (value as { state?: unknown }).state === 'string';
}
