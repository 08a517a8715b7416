import type { Logger } from '../ports';
import type { Sealer } from './crypto/sealer';
import { createDocumentTextIndex, type DocumentTextIndex } from './text-index';

const CONTEXT = 'text-index';

/** The full-text index of the library, sealed like everything else beside the store (its own sealing context). */
export function createTextIndexFor(dir: string, sealer: Sealer, logger: Logger): Promise<DocumentTextIndex> {
  return createDocumentTextIndex({
    dir,
    logger,
    sealer: { seal: (plain) => sealer.seal(plain, CONTEXT), open: (sealed) => sealer.open(sealed, CONTEXT) },
  });
}
