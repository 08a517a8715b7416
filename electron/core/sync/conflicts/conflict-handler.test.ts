import type { RxConflictHandlerInput, WithDeleted } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { createConflictHandler } from './conflict-handler';
import type { ConflictRecord } from './conflict-record';

interface Note {
  id: string;
  title: string;
  body: string;
  updatedAt: string;
}

const base: WithDeleted<Note> = { id: 'n-1', title: 'Title', body: 'Body', updatedAt: '2026-11-20T10:00:00.000Z', _deleted: false };

function edit(changes: Partial<WithDeleted<Note>> & Record<string, unknown>): WithDeleted<Note> {
  return { ...base, ...changes };
}

/** A store that, like the real one, keeps the first record of an id and ignores repeats. */
function recordingSink() {
  const calls: ConflictRecord[] = [];
  const stored = new Map<string, ConflictRecord>();
  return {
    calls,
    stored,
    record: async (conflict: ConflictRecord) => {
      // Yield first, so a resolve that did not await the sink would return before the record exists.
      await new Promise((resolve) => setImmediate(resolve));
      calls.push(conflict);
      if (!stored.has(conflict.id)) stored.set(conflict.id, conflict);
    },
  };
}

function handlerWith(sink: { record: (conflict: ConflictRecord) => Promise<void> }, times = ['2026-11-28T09:00:00.000Z']) {
  let tick = 0;
  const clock = { now: () => new Date(times[Math.min(tick++, times.length - 1)] ?? '2026-11-28T09:00:00.000Z') };
  return createConflictHandler<Note>({ collection: 'contacts', record: sink.record, clock });
}

describe('createConflictHandler', () => {
  describe('isEqual', () => {
    const handler = handlerWith(recordingSink());

    it('ignores RxDB bookkeeping and the server-only author', () => {
      const local = { ...base, _meta: { lwt: 1 }, _rev: '1-a', _attachments: {} };
      const remote = { ...base, author: 'kofi', _rev: '7-b' };

      expect(handler.isEqual(local, remote, 'test')).toBe(true);
    });

    it('sees a changed field, a deletion and an extra field', () => {
      expect(handler.isEqual(base, edit({ title: 'Other' }), 'test')).toBe(false);
      expect(handler.isEqual(base, edit({ _deleted: true }), 'test')).toBe(false);
      expect(handler.isEqual(base, edit({ extra: 1 }), 'test')).toBe(false);
    });

    it('treats a missing deletion flag as not deleted', () => {
      const { _deleted: _flag, ...withoutFlag } = base;

      expect(handler.isEqual(withoutFlag as WithDeleted<Note>, base, 'test')).toBe(true);
    });
  });

  describe('resolve', () => {
    it('merges edits to different fields and records nothing', async () => {
      const sink = recordingSink();
      const input: RxConflictHandlerInput<Note> = {
        assumedMasterState: base,
        newDocumentState: edit({ title: 'Local title', updatedAt: '2026-11-21T10:00:00.000Z' }),
        realMasterState: edit({ body: 'Server body', updatedAt: '2026-11-22T10:00:00.000Z' }),
      };

      const resolved = await handlerWith(sink).resolve(input, 'test');

      expect(resolved).toEqual(edit({ title: 'Local title', body: 'Server body', updatedAt: '2026-11-22T10:00:00.000Z' }));
      expect(sink.calls).toEqual([]);
    });

    it('keeps the server value of a field both changed and records the local one before returning', async () => {
      const sink = recordingSink();
      const local = edit({ title: 'Local title', updatedAt: '2026-11-21T10:00:00.000Z' });
      const remote = edit({ title: 'Server title', updatedAt: '2026-11-22T10:00:00.000Z', author: 'kofi' });

      const resolved = await handlerWith(sink).resolve({ assumedMasterState: base, newDocumentState: local, realMasterState: remote }, 'test');

      expect(resolved.title).toBe('Server title');
      expect(sink.calls).toHaveLength(1);
      expect(sink.calls[0]).toMatchObject({
        collection: 'contacts',
        documentId: 'n-1',
        fields: [{ field: 'title', local: 'Local title', remote: 'Server title', base: 'Title' }],
        localDocument: local,
        remoteDocument: remote,
        detectedAt: '2026-11-28T09:00:00.000Z',
        resolvedAt: null,
      });
    });

    it('gives the same record id when the same situation is resolved again later', async () => {
      const sink = recordingSink();
      const handler = handlerWith(sink, ['2026-11-28T09:00:00.000Z', '2026-11-28T09:05:00.000Z']);
      const input: RxConflictHandlerInput<Note> = {
        assumedMasterState: base,
        newDocumentState: edit({ body: 'Local body' }),
        realMasterState: edit({ body: 'Server body' }),
      };

      const first = await handler.resolve(input, 'test');
      const second = await handler.resolve(input, 'test');

      expect(second).toEqual(first);
      expect(sink.calls.map((call) => call.detectedAt)).toEqual(['2026-11-28T09:00:00.000Z', '2026-11-28T09:05:00.000Z']);
      expect(sink.calls[0]?.id).toBe(sink.calls[1]?.id);
      expect(sink.stored.size).toBe(1);
    });

    it('fails, and so leaves the local document to RxDB unchanged, when the record cannot be saved', async () => {
      const handler = handlerWith({ record: () => Promise.reject(new Error('disk full')) });
      const input: RxConflictHandlerInput<Note> = {
        assumedMasterState: base,
        newDocumentState: edit({ title: 'Local' }),
        realMasterState: edit({ title: 'Server' }),
      };

      await expect(handler.resolve(input, 'test')).rejects.toThrow('disk full');
    });

    it('treats every differing field as a conflict when there is no assumed master state', async () => {
      const sink = recordingSink();
      const input: RxConflictHandlerInput<Note> = {
        newDocumentState: edit({ title: 'Created here' }),
        realMasterState: edit({ title: 'Created there', body: 'There' }),
      };

      const resolved = await handlerWith(sink).resolve(input, 'test');

      expect(resolved).toEqual(input.realMasterState);
      expect(sink.calls[0]?.fields.map((field) => field.field)).toEqual(['body', 'title']);
    });

    it('never returns the author and always returns the deletion flag', async () => {
      const sink = recordingSink();
      const { _deleted: _flag, ...remoteWithoutFlag } = edit({ body: 'Server', author: 'kofi' });
      const input = {
        assumedMasterState: { ...base, author: 'kofi' },
        newDocumentState: edit({ title: 'Local', author: 'amina' }),
        realMasterState: remoteWithoutFlag as WithDeleted<Note>,
      };

      const resolved = await handlerWith(sink).resolve(input, 'test');

      expect(resolved).toStrictEqual({ ...base, title: 'Local', body: 'Server', _deleted: false });
    });

    it('keeps a local edit alive against a server deletion and records the deletion', async () => {
      const sink = recordingSink();
      const local = edit({ title: 'Edited while it was deleted' });

      const resolved = await handlerWith(sink).resolve(
        { assumedMasterState: base, newDocumentState: local, realMasterState: edit({ _deleted: true }) },
        'test',
      );

      expect(resolved).toEqual(local);
      expect(sink.calls[0]?.fields).toEqual([{ field: '_deleted', local: false, remote: true, base: false }]);
    });
  });
});
