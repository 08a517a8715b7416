import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../app-failure';
import { applyChoices, conflictRecordId, createConflictRecord, type ConflictRecord } from './conflict-record';
import type { FieldConflict } from './three-way-merge';

const titleConflict: FieldConflict = { field: 'title', local: 'Local title', remote: 'Server title', base: 'Old title' };
const tagsConflict: FieldConflict = { field: 'tags', local: ['a'], remote: ['b'], base: [] };

function record(fields: readonly FieldConflict[] = [titleConflict, tagsConflict]): ConflictRecord {
  return createConflictRecord({
    collection: 'contacts',
    documentId: 'con-1',
    fields,
    localDocument: { id: 'con-1', title: 'Local title', tags: ['a'], _deleted: false, _rev: '3-abc', _meta: { lwt: 1 } },
    remoteDocument: { id: 'con-1', title: 'Server title', tags: ['b'], _deleted: false, author: 'kofi', _attachments: {} },
    detectedAt: '2026-11-28T09:00:00.000Z',
  });
}

describe('conflictRecordId', () => {
  it('is readable and the same for the same lost values, whatever the server side, the base or the order', () => {
    const id = conflictRecordId('contacts', 'con-1', [titleConflict, tagsConflict]);

    expect(id).toMatch(/^conflict:contacts:con-1:[0-9a-f]{32}$/);
    expect(conflictRecordId('contacts', 'con-1', [{ ...tagsConflict, remote: ['z'], base: ['y'] }, titleConflict])).toBe(id);
  });

  it('differs when the local values, the document or the collection differ', () => {
    const id = conflictRecordId('contacts', 'con-1', [titleConflict]);

    expect(conflictRecordId('contacts', 'con-1', [{ ...titleConflict, local: 'Other' }])).not.toBe(id);
    expect(conflictRecordId('contacts', 'con-2', [titleConflict])).not.toBe(id);
    expect(conflictRecordId('meetings', 'con-1', [titleConflict])).not.toBe(id);
    expect(conflictRecordId('contacts', 'con-1', [titleConflict, tagsConflict])).not.toBe(id);
  });

  it('tells an absent local value from null', () => {
    const absent = conflictRecordId('contacts', 'con-1', [{ field: 'appointedOn', remote: '2026-01-01' }]);
    const nulled = conflictRecordId('contacts', 'con-1', [{ field: 'appointedOn', local: null, remote: '2026-01-01' }]);

    expect(absent).not.toBe(nulled);
  });
});

describe('createConflictRecord', () => {
  it('builds an unresolved record with sorted fields, without RxDB bookkeeping, that survives JSON', () => {
    const created = record();

    expect(created).toEqual({
      id: conflictRecordId('contacts', 'con-1', [titleConflict, tagsConflict]),
      collection: 'contacts',
      documentId: 'con-1',
      fields: [tagsConflict, titleConflict],
      localDocument: { id: 'con-1', title: 'Local title', tags: ['a'], _deleted: false },
      remoteDocument: { id: 'con-1', title: 'Server title', tags: ['b'], _deleted: false, author: 'kofi' },
      detectedAt: '2026-11-28T09:00:00.000Z',
      resolvedAt: null,
    });
    const withAbsentSide = record([{ field: 'notes', local: 'kept', remote: undefined, base: undefined }]);
    expect(JSON.parse(JSON.stringify(withAbsentSide))).toStrictEqual(withAbsentSide);
  });

  it('refuses a record with nothing in conflict', () => {
    expect(() => record([])).toThrow(/at least one/);
  });
});

describe('applyChoices', () => {
  const current = { id: 'con-1', title: 'Server title', tags: ['b'], notes: 'Edited after the merge', updatedAt: '2026-11-28T08:00:00.000Z' };

  it('sets each chosen field to the chosen side and keeps everything else as it is now', () => {
    const saved = applyChoices(record(), current, { title: 'local', tags: 'remote' });

    expect(saved).toEqual({ ...current, title: 'Local title', tags: ['b'] });
    expect(current.title).toBe('Server title');
  });

  it('keeps the current value of a conflicting field left without a choice', () => {
    expect(applyChoices(record(), current, { tags: 'local' })).toEqual({ ...current, tags: ['a'] });
  });

  it('removes the field when the chosen side had no value', () => {
    const withNotes = record([{ field: 'notes', remote: 'Server notes' }]);

    const saved = applyChoices(withNotes, { ...current, notes: 'Server notes' }, { notes: 'local' });

    expect('notes' in saved).toBe(false);
  });

  it('puts an explicit _deleted on the result when the deletion was chosen', () => {
    const deletion = record([{ field: '_deleted', local: true, remote: false, base: false }]);

    expect(applyChoices(deletion, current, { _deleted: 'local' })).toEqual({ ...current, _deleted: true });
  });

  it('refuses a choice for a field that is not in the conflict, naming it', () => {
    const attempt = () => applyChoices(record(), current, { title: 'local', notes: 'remote' });

    expect(attempt).toThrow(AppFailure);
    expect(attempt).toThrow('The field "notes" is not part of this conflict.');
    let caught: unknown;
    try {
      attempt();
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'invalid-input', issues: [{ path: 'notes', code: 'not-in-conflict' }] });
  });

  it('refuses a choice that is neither local nor remote', () => {
    const choices = JSON.parse('{"title":"both"}') as Record<string, 'local' | 'remote'>;

    expect(() => applyChoices(record(), current, choices)).toThrow('The choice for "title" must be "local" or "remote".');
  });

  it('refuses to apply a conflict to another document', () => {
    expect(() => applyChoices(record(), { ...current, id: 'con-9' }, { title: 'local' })).toThrow(
      'This conflict is about record "con-1", not "con-9".',
    );
  });
});
