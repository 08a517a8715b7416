import type { SeedReport } from '../../../shared/api/directory';
import type { Directory } from '../directory/directory';
import type { Documents } from '../documents/documents';
import type { Meetings } from './meetings';
import { seedDemoMeetings } from './seed-meetings';

/** `directory.seed`, then the demo meeting, which refers to the demo network and its library. */
export function seedWithMeetings(
  seedNetworkAndLibrary: () => Promise<SeedReport>,
  parts: { readonly directory: Directory; readonly documents: Documents; readonly meetings: Meetings },
): () => Promise<SeedReport> {
  return async () => {
    const report = await seedNetworkAndLibrary();
    const { cache } = await parts.directory.ready();
    const library = await parts.documents.ready();
    const added = await seedDemoMeetings(await parts.meetings.ready(), cache, library.cache.documents);
    return { ...report, meetings: added };
  };
}
