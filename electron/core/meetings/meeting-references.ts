import type { FieldIssue } from '../../../shared/api/result';
import { isoCountry } from '../../../shared/domain/iso-countries';
import { AppFailure } from '../app-failure';

/** What a write checks its references against: the directory and the library as they are now. */
export interface ReferenceRules {
  /** A country the directory holds, or any ISO 3166 country (the directory creates those on demand). */
  isCountry(id: string): boolean;
  isLiveContact(id: string): boolean;
  isLiveOrganisation(id: string): boolean;
  isLiveDocument(id: string): boolean;
}

type Kind = 'country' | 'contact' | 'organisation' | 'document';

const NOUN: Readonly<Record<Kind, string>> = {
  country: 'country',
  contact: 'contact',
  organisation: 'organisation',
  document: 'library document',
};

function holds(rules: ReferenceRules, kind: Kind, id: string): boolean {
  if (kind === 'country') return rules.isCountry(id);
  if (kind === 'contact') return rules.isLiveContact(id);
  if (kind === 'organisation') return rules.isLiveOrganisation(id);
  return rules.isLiveDocument(id);
}

/** Collects one issue per reference that leads nowhere, naming the field and the id. */
export class ReferenceCheck {
  private readonly issues: FieldIssue[] = [];

  constructor(private readonly rules: ReferenceRules) {}

  ids(path: string, kind: Kind, ids: readonly string[] | undefined): this {
    (ids ?? []).forEach((id, index) => this.id(`${path}.${index}`, kind, id));
    return this;
  }

  id(path: string, kind: Kind, id: string | null | undefined): this {
    if (id === null || id === undefined || holds(this.rules, kind, id)) return this;
    this.issues.push({
      path,
      message: `No ${NOUN[kind]} "${id}" exists (it may have been deleted).`,
      code: `unknown-${kind}`,
      params: { id },
    });
    return this;
  }

  /** Throws `AppFailure('invalid-input')` listing every dangling reference; returns when there is none. */
  throwIfAny(): void {
    if (this.issues.length === 0) return;
    throw new AppFailure('invalid-input', this.issues[0]?.message ?? 'A reference leads nowhere.', this.issues);
  }
}

/** The rules for a country id: held by the directory, or an ISO 3166 code. */
export function isCountryId(held: ReadonlyMap<string, unknown>, id: string): boolean {
  return held.has(id) || isoCountry(id) !== undefined;
}
