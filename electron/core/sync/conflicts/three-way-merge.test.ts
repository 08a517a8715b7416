import { describe, expect, it } from 'vitest';
import { mergeThreeWay } from './three-way-merge';

interface Note {
  id: string;
  title: string;
  body: string;
  tags: string[];
  place?: { city: string; room?: string };
  updatedAt: string;
  _deleted: boolean;
  _rev?: string;
  _meta?: { lwt: number };
  author?: string;
}

const T0 = '2026-11-20T10:00:00.000Z';
const T1 = '2026-11-21T10:00:00.000Z';
const T2 = '2026-11-22T10:00:00.000Z';

const base: Note = { id: 'n-1', title: 'Pillar II', body: 'Assistance', tags: ['r2p'], updatedAt: T0, _deleted: false };

function edit(changes: Partial<Note>): Note {
  return { ...base, ...changes };
}

describe('mergeThreeWay', () => {
  it('merges edits to different fields without a conflict', () => {
    const local = edit({ title: 'Pillar II: assistance', updatedAt: T1 });
    const remote = edit({ body: 'International assistance', updatedAt: T2 });

    const { merged, conflicts } = mergeThreeWay(base, local, remote);

    expect(conflicts).toEqual([]);
    expect(merged).toEqual({ ...base, title: 'Pillar II: assistance', body: 'International assistance', updatedAt: T2 });
  });

  it('keeps the server value of a field both sides changed and reports all three values', () => {
    const local = edit({ title: 'Local title', body: 'Local body', updatedAt: T2 });
    const remote = edit({ title: 'Server title', updatedAt: T1 });

    const { merged, conflicts } = mergeThreeWay(base, local, remote);

    expect(merged.title).toBe('Server title');
    expect(merged.body).toBe('Local body');
    expect(conflicts).toEqual([{ field: 'title', local: 'Local title', remote: 'Server title', base: 'Pillar II' }]);
  });

  it('takes a change made identically on both sides without a conflict', () => {
    const local = edit({ title: 'Same', updatedAt: T1 });
    const remote = edit({ title: 'Same', updatedAt: T1 });

    expect(mergeThreeWay(base, local, remote)).toEqual({ merged: remote, conflicts: [] });
  });

  it('lists several conflicts in field order', () => {
    const local = edit({ title: 'L', body: 'L' });
    const remote = edit({ title: 'R', body: 'R' });

    expect(mergeThreeWay(base, local, remote).conflicts.map((conflict) => conflict.field)).toEqual(['body', 'title']);
  });

  it('compares arrays and nested objects as whole values, deeply and regardless of key order', () => {
    const withPlace = edit({ place: { city: 'Geneva', room: 'XX' } });
    const local = { ...withPlace, tags: ['r2p', 'local'], place: { room: 'XX', city: 'Geneva' } };
    const remote = { ...withPlace, tags: ['r2p', 'server'] };

    const { merged, conflicts } = mergeThreeWay(withPlace, local, remote);

    // Two additions to one array are a conflict on the whole array, not a merge of its items.
    expect(conflicts).toEqual([{ field: 'tags', local: ['r2p', 'local'], remote: ['r2p', 'server'], base: ['r2p'] }]);
    expect(merged.tags).toEqual(['r2p', 'server']);
    expect(merged.place).toEqual({ city: 'Geneva', room: 'XX' });
  });

  it('takes a nested change made on one side only', () => {
    const withPlace = edit({ place: { city: 'Geneva' } });
    const local = { ...withPlace, place: { city: 'Geneva', room: 'Room XVII' } };

    const { merged, conflicts } = mergeThreeWay(withPlace, local, withPlace);

    expect(conflicts).toEqual([]);
    expect(merged.place).toEqual({ city: 'Geneva', room: 'Room XVII' });
  });

  it('removes a field that one side removed and the other left alone', () => {
    const withPlace = edit({ place: { city: 'Geneva' } });
    const { place: _place, ...local } = withPlace;

    const { merged, conflicts } = mergeThreeWay<Note>(withPlace, local, withPlace);

    expect(conflicts).toEqual([]);
    expect('place' in merged).toBe(false);
  });

  describe('updatedAt', () => {
    it('is never a conflict and takes the later stamp when both sides changed', () => {
      const local = edit({ title: 'Local', updatedAt: T2 });
      const remote = edit({ body: 'Server', updatedAt: T1 });

      const { merged, conflicts } = mergeThreeWay(base, local, remote);

      expect(conflicts).toEqual([]);
      expect(merged.updatedAt).toBe(T2);
    });

    it("takes the server's stamp when the merged content is the server's, so nothing needs pushing", () => {
      const local = edit({ title: 'Local', updatedAt: T2 });
      const remote = edit({ title: 'Server', updatedAt: T1 });

      const { merged } = mergeThreeWay(base, local, remote);

      expect(merged).toEqual(remote);
    });

    it('keeps a readable stamp over an unreadable one', () => {
      const local = edit({ title: 'Local', updatedAt: 'not a date' });
      const remote = edit({ body: 'Server', updatedAt: T1 });

      expect(mergeThreeWay(base, local, remote).merged.updatedAt).toBe(T1);
    });

    it('is an ordinary field when updatedAtField is null', () => {
      const local = edit({ updatedAt: T2 });
      const remote = edit({ updatedAt: T1 });

      const { merged, conflicts } = mergeThreeWay(base, local, remote, { updatedAtField: null });

      expect(conflicts).toEqual([{ field: 'updatedAt', local: T2, remote: T1, base: T0 }]);
      expect(merged.updatedAt).toBe(T1);
    });
  });

  it('reports every differing field when there is no base, and agrees on the equal ones', () => {
    const local: Note = { id: 'n-2', title: 'Mine', body: 'Same', tags: [], place: { city: 'Accra' }, updatedAt: T1, _deleted: false };
    const remote: Note = { id: 'n-2', title: 'Theirs', body: 'Same', tags: [], updatedAt: T2, _deleted: false };

    const { merged, conflicts } = mergeThreeWay(null, local, remote);

    expect(conflicts).toEqual([
      { field: 'place', local: { city: 'Accra' }, remote: undefined, base: undefined },
      { field: 'title', local: 'Mine', remote: 'Theirs', base: undefined },
    ]);
    expect(merged).toEqual(remote);
  });

  it('neither compares nor reports RxDB bookkeeping and the author, and carries the local side of them', () => {
    const local = { ...edit({ title: 'Local' }), _rev: '2-local', _meta: { lwt: 2 }, author: 'amina' };
    const remote = { ...edit({ body: 'Server' }), _rev: '5-server', _meta: { lwt: 9 }, author: 'secretariat' };

    const { merged, conflicts } = mergeThreeWay(base, local, remote);

    expect(conflicts).toEqual([]);
    expect(merged).toMatchObject({ title: 'Local', body: 'Server', _rev: '2-local', _meta: { lwt: 2 }, author: 'amina' });
  });

  it('accepts other ignored fields', () => {
    const local = edit({ title: 'Local' });
    const remote = edit({ title: 'Server' });

    expect(mergeThreeWay(base, local, remote, { ignoredFields: ['title'] }).conflicts).toEqual([]);
  });

  it('never modifies its inputs', () => {
    const frozen = <T extends object>(value: T): T => Object.freeze(structuredClone(value));
    const local = frozen(edit({ title: 'Local', tags: ['a'], updatedAt: T1 }));
    const remote = frozen(edit({ title: 'Server', body: 'B', updatedAt: T2 }));
    const before = structuredClone([base, local, remote]);

    mergeThreeWay(frozen(base), local, remote);

    expect([base, local, remote]).toEqual(before);
  });

  describe('deletion', () => {
    it('keeps the server edit when the local side deleted, and reports _deleted', () => {
      const local = edit({ _deleted: true });
      const remote = edit({ title: 'Edited on the server', updatedAt: T1 });

      const { merged, conflicts } = mergeThreeWay(base, local, remote);

      expect(merged).toEqual(remote);
      expect(conflicts).toEqual([{ field: '_deleted', local: true, remote: false, base: false }]);
    });

    it('keeps the local edit, alive, when the server deleted, and reports _deleted', () => {
      const local = edit({ title: 'Edited here', updatedAt: T1 });
      const remote = edit({ _deleted: true, updatedAt: T2 });

      const { merged, conflicts } = mergeThreeWay(base, local, remote);

      expect(merged).toEqual(local);
      expect(conflicts).toEqual([{ field: '_deleted', local: false, remote: true, base: false }]);
    });

    it('deletes when the other side did not change the document', () => {
      const deleted = edit({ _deleted: true, updatedAt: T1 });
      // A new stamp alone is not an edit.
      const touched = edit({ updatedAt: T2 });

      expect(mergeThreeWay(base, deleted, base)).toEqual({ merged: deleted, conflicts: [] });
      expect(mergeThreeWay(base, touched, deleted)).toEqual({ merged: deleted, conflicts: [] });
    });

    it("takes the server's state when both sides deleted", () => {
      const local = edit({ title: 'Last local words', _deleted: true });
      const remote = edit({ _deleted: true, updatedAt: T2 });

      expect(mergeThreeWay(base, local, remote)).toEqual({ merged: remote, conflicts: [] });
    });

    it('keeps the living record without a base, and reports _deleted', () => {
      const local = edit({ title: 'Created here' });
      const remote = edit({ title: 'Created there', _deleted: true });

      const { merged, conflicts } = mergeThreeWay(null, local, remote);

      expect(merged).toEqual(local);
      expect(conflicts).toEqual([{ field: '_deleted', local: false, remote: true, base: undefined }]);
    });

    it('keeps a restored record when the other side left it deleted', () => {
      const deletedBase = edit({ _deleted: true });
      const restored = edit({ updatedAt: T1 });

      expect(mergeThreeWay(deletedBase, restored, deletedBase)).toEqual({ merged: restored, conflicts: [] });
    });
  });
});
