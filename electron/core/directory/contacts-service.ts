import type { ContactDetail } from '../../../shared/api/directory';
import type { ContactChanges, ContactFields } from '../../../shared/domain/directory-input';
import type { Contact } from '../../../shared/schemas/contact';
import { AppFailure } from '../app-failure';
import { timestamp, type DirectoryContext } from './directory-context';
import { newContactId } from './ids';
import { countryIssues, emailIssues, organisationIssues, throwIfIssues, unique } from './reference-checks';
import { withReferencedCountries } from './reference-countries';

/**
 * Contacts: read, create, edit, delete (soft: `deletedAt` is set, the document stays and `restore` clears it).
 * Failures: `not-found` for an id the directory does not hold; `invalid-input` with field issues for an unknown
 * country or organisation (or a deleted one) and an e-mail address another live contact already has; `conflict` for
 * restoring a contact one of whose addresses another live contact has taken meanwhile (nothing is restored).
 */
export interface ContactsService {
  get(id: string): ContactDetail;
  create(fields: ContactFields): Promise<ContactDetail>;
  update(id: string, changes: ContactChanges): Promise<ContactDetail>;
  remove(id: string): Promise<ContactDetail>;
  restore(id: string): Promise<ContactDetail>;
}

/** A new contact document from checked fields (shared with the import and the demo data). */
export function newContact(fields: ContactFields, options: { readonly id?: string; readonly demo?: boolean; readonly now: string }): Contact {
  return {
    ...fields,
    id: options.id ?? newContactId(),
    roles: unique(fields.roles),
    tags: unique(fields.tags),
    demo: options.demo ?? false,
    deletedAt: null,
    updatedAt: options.now,
  };
}

export function createContactsService(context: DirectoryContext): ContactsService {
  const { cache, rows, database, writes } = context;

  const existing = (id: string): Contact => {
    const contact = cache.contacts.get(id);
    if (contact === undefined) throw new AppFailure('not-found', 'This contact is not in the directory.');
    return contact;
  };

  /** Writes `patch` onto the stored contact and answers with the stored result. */
  const patch = async (id: string, changes: Partial<Contact>): Promise<ContactDetail> => {
    const document = await database.contacts.findOne(id).exec();
    if (document === null) throw new AppFailure('not-found', 'This contact is not in the directory.');
    const written = await document.incrementalPatch({ ...changes, updatedAt: timestamp(context) });
    return rows.contactDetail(written.toMutableJSON());
  };

  return {
    get: (id) => rows.contactDetail(existing(id)),
    create: (fields) =>
      writes.run(async () => {
        throwIfIssues([
          ...countryIssues(cache, fields.countryId, 'contact.countryId'),
          ...organisationIssues(cache, fields.organisationId, 'contact.organisationId'),
          ...emailIssues(cache, null, fields.emails, 'contact.emails'),
        ]);
        const now = timestamp(context);
        return withReferencedCountries(context, [fields.countryId], now, async () => {
          const document = await database.contacts.insert(newContact(fields, { now }));
          return rows.contactDetail(document.toMutableJSON());
        });
      }),
    update: (id, changes) =>
      writes.run(async () => {
        const current = existing(id);
        throwIfIssues([
          ...(changes.countryId === current.countryId ? [] : countryIssues(cache, changes.countryId, 'changes.countryId')),
          ...(changes.organisationId === current.organisationId
            ? []
            : organisationIssues(cache, changes.organisationId, 'changes.organisationId')),
          ...emailIssues(cache, id, changes.emails, 'changes.emails'),
        ]);
        if (Object.keys(changes).length === 0) return rows.contactDetail(current);
        return withReferencedCountries(context, [changes.countryId], timestamp(context), () =>
          patch(id, {
            ...changes,
            ...(changes.roles === undefined ? {} : { roles: unique(changes.roles) }),
            ...(changes.tags === undefined ? {} : { tags: unique(changes.tags) }),
          }),
        );
      }),
    remove: (id) =>
      writes.run(async () => {
        const current = existing(id);
        if (current.deletedAt !== null) return rows.contactDetail(current);
        return patch(id, { deletedAt: timestamp(context) });
      }),
    restore: (id) =>
      writes.run(async () => {
        const current = existing(id);
        if (current.deletedAt === null) return rows.contactDetail(current);
        throwIfAddressTaken(context, current);
        return patch(id, { deletedAt: null });
      }),
  };
}

/**
 * Refuses to bring `contact` back while another live contact holds one of its addresses: two live contacts would then
 * share it, which creating or editing never allows. The message names each address and who holds it now.
 */
function throwIfAddressTaken(context: Pick<DirectoryContext, 'cache'>, contact: Contact): void {
  const { cache } = context;
  const taken: string[] = [];
  for (const email of contact.emails) {
    for (const holderId of cache.contactsWithEmail(email.value)) {
      const holder = cache.contacts.get(holderId);
      if (holderId === contact.id || holder === undefined || holder.deletedAt !== null) continue;
      taken.push(`${email.value} now belongs to ${holder.displayName}`);
      break;
    }
  }
  if (taken.length === 0) return;
  throw new AppFailure(
    'conflict',
    `${contact.displayName} cannot be restored: ${taken.join('; ')}. Change or remove that address on the other contact first, then restore again.`,
  );
}
