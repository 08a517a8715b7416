import type { Logger } from '../../ports';
import type { Sealer } from '../crypto/sealer';
import type { BlobLayout } from './blob-layout';
import type { KeyedMutex } from './keyed-mutex';

/** What every file-store operation works with; built once by `createFileStore`. */
export interface StoreContext {
  readonly layout: BlobLayout;
  readonly sealer: Sealer;
  /** Taken per on-disk blob name around publishing, size checks and removal. */
  readonly mutex: KeyedMutex;
  readonly maxFileBytes: number;
  readonly logger: Logger | undefined;
}
