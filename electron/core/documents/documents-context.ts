import type { FocalDatabase } from '../db/database';
import type { DirectoryCache } from '../directory/directory-cache';
import type { SerialQueue } from '../directory/serial-queue';
import type { Clock, Logger } from '../ports';
import type { FileFacts } from './document-rows';
import type { FileStore } from './file-store/file-store';
import type { LibraryCache } from './library-cache';
import type { UploadSessions } from './upload-sessions';

/** What every documents service works with once the store is open. */
export interface DocumentsContext {
  readonly database: FocalDatabase;
  readonly cache: LibraryCache;
  readonly files: FileStore;
  readonly facts: FileFacts;
  readonly uploads: UploadSessions;
  /** The directory's cache, for checking and naming linked countries, organisations and contacts. */
  readonly directory: () => Promise<DirectoryCache>;
  readonly clock: Clock;
  readonly logger: Logger;
  /**
   * Every write of the library runs here, one at a time — and so does collecting unreferenced files, so a file just
   * stored for a version not yet written is never collected (see file-store.ts).
   */
  readonly writes: SerialQueue;
  /** Who adds versions on this device ("added by"). */
  readonly userName: string;
  /** Marks a file as held once stored (the rows' "on this device"). */
  markHeld(sha256: string): void;
}
