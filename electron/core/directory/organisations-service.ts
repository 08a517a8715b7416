import type { OrganisationDetail, OrganisationRow } from '../../../shared/api/directory';
import type { OrganisationChanges, OrganisationFields } from '../../../shared/domain/directory-input';
import type { Organisation } from '../../../shared/schemas/organisation';
import { AppFailure } from '../app-failure';
import { nameCollator } from './directory-cache';
import { timestamp, type DirectoryContext } from './directory-context';
import { newOrganisationId } from './ids';
import { countryIssues, parentIssues, throwIfIssues } from './reference-checks';
import { withReferencedCountries } from './reference-countries';

/**
 * Organisations: ministries, their departments, agencies, regional organisations, UN offices, civil society.
 * Deleting is soft and does not cascade: contacts and departments keep their link and show the organisation as
 * deleted (`linked` in the answer says how many). Failures: `not-found`; `invalid-input` for an unknown country, an
 * unknown or deleted parent, or a parent that would put the organisation inside itself.
 */
export interface OrganisationsService {
  list(filter: { readonly countryId?: string | undefined; readonly includeDeleted?: boolean | undefined }): OrganisationRow[];
  get(id: string): OrganisationDetail;
  create(fields: OrganisationFields): Promise<OrganisationDetail>;
  update(id: string, changes: OrganisationChanges): Promise<OrganisationDetail>;
  remove(id: string): Promise<OrganisationDetail>;
  restore(id: string): Promise<OrganisationDetail>;
}

/** A new organisation document from checked fields (shared with the import and the demo data). */
export function newOrganisation(
  fields: OrganisationFields,
  options: { readonly id?: string; readonly demo?: boolean; readonly now: string },
): Organisation {
  return { ...fields, id: options.id ?? newOrganisationId(), demo: options.demo ?? false, deletedAt: null, updatedAt: options.now };
}

export function createOrganisationsService(context: DirectoryContext): OrganisationsService {
  const { cache, rows, database, writes } = context;

  const existing = (id: string): Organisation => {
    const organisation = cache.organisations.get(id);
    if (organisation === undefined) throw new AppFailure('not-found', 'This organisation is not in the directory.');
    return organisation;
  };

  const patch = async (id: string, changes: Partial<Organisation>): Promise<OrganisationDetail> => {
    const document = await database.organisations.findOne(id).exec();
    if (document === null) throw new AppFailure('not-found', 'This organisation is not in the directory.');
    const written = await document.incrementalPatch({ ...changes, updatedAt: timestamp(context) });
    return rows.organisationDetail(written.toMutableJSON());
  };

  return {
    list(filter) {
      const ids =
        filter.countryId === undefined || filter.countryId === '' ? cache.organisations.keys() : cache.organisationsOfCountry(filter.countryId);
      const selected: Organisation[] = [];
      for (const id of ids) {
        const organisation = cache.organisations.get(id);
        if (organisation !== undefined && (filter.includeDeleted === true || organisation.deletedAt === null)) selected.push(organisation);
      }
      return selected
        .sort((a, b) => nameCollator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1))
        .map((organisation) => rows.organisationRow(organisation));
    },
    get: (id) => rows.organisationDetail(existing(id)),
    create: (fields) =>
      writes.run(async () => {
        throwIfIssues([
          ...countryIssues(cache, fields.countryId, 'organisation.countryId'),
          ...parentIssues(cache, null, fields.parentId, 'organisation.parentId'),
        ]);
        const now = timestamp(context);
        return withReferencedCountries(context, [fields.countryId], now, async () => {
          const document = await database.organisations.insert(newOrganisation(fields, { now }));
          return rows.organisationDetail(document.toMutableJSON());
        });
      }),
    update: (id, changes) =>
      writes.run(async () => {
        const current = existing(id);
        throwIfIssues([
          ...(changes.countryId === current.countryId ? [] : countryIssues(cache, changes.countryId, 'changes.countryId')),
          ...(changes.parentId === current.parentId ? [] : parentIssues(cache, id, changes.parentId, 'changes.parentId')),
        ]);
        if (Object.keys(changes).length === 0) return rows.organisationDetail(current);
        return withReferencedCountries(context, [changes.countryId], timestamp(context), () => patch(id, changes));
      }),
    remove: (id) =>
      writes.run(async () => {
        const current = existing(id);
        if (current.deletedAt !== null) return rows.organisationDetail(current);
        return patch(id, { deletedAt: timestamp(context) });
      }),
    restore: (id) =>
      writes.run(async () => {
        const current = existing(id);
        if (current.deletedAt === null) return rows.organisationDetail(current);
        return patch(id, { deletedAt: null });
      }),
  };
}
