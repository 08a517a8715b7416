import type { RxJsonSchema } from 'rxdb';
import { actionItemSchema } from './action-item';
import { agendaItemSchema } from './agenda-item';
import { contactSchema } from './contact';
import { countrySchema } from './country';
import { documentSchema } from './document';
import { meetingSchema } from './meeting';
import { organisationSchema } from './organisation';

/**
 * Every synced collection, by name. RxDB's open-source core allows at most 13 open collections per process
 * (ARCHITECTURE.md): keep this at 10 or fewer and put local bookkeeping in local documents instead.
 */
export const collectionSchemas = {
  countries: countrySchema,
  organisations: organisationSchema,
  contacts: contactSchema,
  documents: documentSchema,
  meetings: meetingSchema,
  agendaItems: agendaItemSchema,
  actionItems: actionItemSchema,
} as const satisfies Record<string, RxJsonSchema<never>>;

export type CollectionName = keyof typeof collectionSchemas;

export const MAX_SYNCED_COLLECTIONS = 10;
