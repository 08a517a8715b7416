import type { SeedReport } from '../../../shared/api/directory';
import type { Directory } from '../directory/directory';
import type { Documents } from './documents';
import { GLOBAL_CENTRE_NAME, seedDemoDocuments } from './seed-documents';

/**
 * `directory.seed` loads the whole demo: the network, then its library (the meeting report), linked to the Global
 * Centre the network names as its secretariat. The directory's own rules (refused when not empty) come first.
 */
export function seedWithDocuments(
  seedDirectory: () => Promise<SeedReport>,
  directory: Directory,
  documents: Documents,
): () => Promise<SeedReport> {
  return async () => {
    const report = await seedDirectory();
    const { cache } = await directory.ready();
    const globalCentre = [...cache.organisations.values()].find((organisation) => organisation.demo && organisation.name === GLOBAL_CENTRE_NAME);
    const added = await seedDemoDocuments(await documents.ready(), globalCentre?.id ?? null);
    return { ...report, documents: added };
  };
}
