import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from '../../../../shared/schemas/collections';

/**
 * Migration strategies per collection, keyed by the schema version they migrate *to*. Every strategy lives in its own
 * file in this folder with its own test (e.g. `countries-v1.ts` + `countries-v1.test.ts`). None yet: every schema is
 * at version 0.
 */
export const migrationStrategies: Record<CollectionName, MigrationStrategies> = {
  countries: {},
  organisations: {},
  contacts: {},
  documents: {},
  meetings: {},
  agendaItems: {},
  actionItems: {},
};
