import type { TFunction } from 'i18next';

/** One side's value of a field: absent when that side had none (the field missing, or no common base). */
export type SideValue = { readonly present: true; readonly value: unknown } | { readonly present: false };

/** One field both sides changed, as the Conflicts view shows it. */
export interface ConflictField {
  readonly field: string;
  readonly local: SideValue;
  readonly remote: SideValue;
  readonly base: SideValue;
}

/** RxDB's deletion flag: a conflict on it means a deletion met an edit. */
export const DELETED_FIELD = '_deleted';

/**
 * The conflicting fields of a conflict record's `detail` (the JSON of the core's `ConflictRecord`: `fields` of
 * `{ field, local?, remote?, base? }`), or null when the detail is not that shape (the core cuts evidence past a
 * million characters, and a cut one no longer parses). A side without its property had no value there.
 */
export function conflictFieldsOf(detail: unknown): readonly ConflictField[] | null {
  if (!isRecord(detail) || !Array.isArray(detail.fields)) return null;
  const out: ConflictField[] = [];
  for (const entry of detail.fields as unknown[]) {
    if (!isRecord(entry) || typeof entry.field !== 'string' || entry.field === '') return null;
    out.push({ field: entry.field, local: sideOf(entry, 'local'), remote: sideOf(entry, 'remote'), base: sideOf(entry, 'base') });
  }
  return out.length === 0 ? null : out;
}

/** The field's name for people: the deletion flag in words, any other as the record names it. */
export function fieldLabel(field: string, t: TFunction): string {
  return field === DELETED_FIELD ? t('sync.conflicts.deletedField') : field;
}

/**
 * A value as text: a string as it is, nothing and empty values in words, the deletion flag as "deleted"/"kept", and
 * anything else (numbers, lists, objects) as compact JSON. Always plain text: React escapes it when it is shown.
 */
export function valueText(side: SideValue, field: string, t: TFunction): string {
  if (!side.present) return t('sync.editor.noValue');
  const { value } = side;
  if (field === DELETED_FIELD && typeof value === 'boolean') return value ? t('sync.editor.deleted') : t('sync.editor.notDeleted');
  if (typeof value === 'string') return value === '' ? t('sync.editor.empty') : value;
  if (value === null) return t('sync.editor.empty');
  return JSON.stringify(value);
}

function sideOf(entry: Readonly<Record<string, unknown>>, side: 'local' | 'remote' | 'base'): SideValue {
  return Object.hasOwn(entry, side) && entry[side] !== undefined ? { present: true, value: entry[side] } : { present: false };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
