import { randomUUID } from 'node:crypto';
import type { ActionRow, MeetingDetail, MeetingRow } from '../../../shared/api/meetings';
import { moveItem } from '../../../shared/domain/agenda-schedule';
import type {
  ActionItemChanges,
  ActionItemInput,
  AgendaItemChanges,
  AgendaItemInput,
  AttendanceEntry,
  MeetingChanges,
  MeetingInput,
} from '../../../shared/domain/meeting-input';
import { actionRows, agendaOf, meetingDetail, meetingRow, sameAttendee, type ActionFilter, type ReferenceLookup } from '../../../shared/domain/meeting-detail';
import { checkMeetingTiming } from '../../../shared/domain/meeting-time';
import type { ActionItem } from '../../../shared/schemas/action-item';
import type { AgendaItem } from '../../../shared/schemas/agenda-item';
import type { Meeting, MeetingStatus } from '../../../shared/schemas/meeting';
import { AppFailure } from '../app-failure';
import type { FocalDatabase } from '../db/database';
import type { SerialQueue } from '../directory/serial-queue';
import type { Clock } from '../ports';
import { meetingIcs } from './meeting-ics';
import { ReferenceCheck, type ReferenceRules } from './meeting-references';

/** What the service works with. */
export interface MeetingsContext {
  readonly database: FocalDatabase;
  readonly rules: ReferenceRules;
  readonly lookup: ReferenceLookup;
  readonly clock: Clock;
  readonly queue: SerialQueue;
  /** Called after a write, with the meetings it touched. */
  changed(meetingIds: readonly string[]): void;
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;

/** Ids: a prefix naming the collection plus a random UUID, plain [a-z0-9-] (ARCHITECTURE.md). */
export function newMeetingsId(prefix: 'mtg' | 'agi' | 'act'): string {
  return `${prefix}-${randomUUID()}`;
}

function notFound(what: string, id: string): AppFailure {
  return new AppFailure('not-found', `No ${what} with id ${id}.`);
}

/** Meetings, agenda items, attendance and action items: reads build pages, writes check before they write. */
export function createMeetingsService(context: MeetingsContext) {
  const { database } = context;
  const now = (): string => context.clock.now().toISOString();

  const meetingDoc = async (id: string) => {
    const document = await database.meetings.findOne(id).exec();
    if (document === null) throw notFound('meeting', id);
    return document;
  };
  const liveMeeting = async (id: string) => {
    const document = await meetingDoc(id);
    if (document.deletedAt !== null) throw new AppFailure('conflict', `The meeting "${document.title}" is deleted; restore it first.`);
    return document;
  };
  const itemsOf = async (meetingId: string): Promise<AgendaItem[]> =>
    (await database.agendaItems.find({ selector: { meetingId } }).exec()).map((document) => document.toMutableJSON());
  const actionsOf = async (meetingId: string): Promise<ActionItem[]> =>
    (await database.actionItems.find({ selector: { meetingId } }).exec()).map((document) => document.toMutableJSON());

  const detail = async (id: string): Promise<MeetingDetail> => {
    const meeting = (await meetingDoc(id)).toMutableJSON();
    return meetingDetail(meeting, await itemsOf(id), await actionsOf(id), context.lookup);
  };

  const write = async (meetingIds: readonly string[], task: () => Promise<void>): Promise<void> => {
    await context.queue.run(task);
    context.changed(meetingIds);
  };

  const checkMeetingRefs = (fields: Partial<Pick<Meeting, 'hostCountryIds' | 'hostOrganisationIds' | 'documentIds'>>, prefix: string) => {
    new ReferenceCheck(context.rules)
      .ids(`${prefix}hostCountryIds`, 'country', fields.hostCountryIds)
      .ids(`${prefix}hostOrganisationIds`, 'organisation', fields.hostOrganisationIds)
      .ids(`${prefix}documentIds`, 'document', fields.documentIds)
      .throwIfAny();
  };

  const checkItemRefs = (fields: AgendaItemChanges, prefix: string) => {
    new ReferenceCheck(context.rules)
      .ids(`${prefix}presenterContactIds`, 'contact', fields.presenterContactIds)
      .ids(`${prefix}presenterCountryIds`, 'country', fields.presenterCountryIds)
      .ids(`${prefix}presenterOrganisationIds`, 'organisation', fields.presenterOrganisationIds)
      .ids(`${prefix}documentIds`, 'document', fields.documentIds)
      .throwIfAny();
  };

  const checkActionRefs = (fields: ActionItemChanges, prefix: string) => {
    new ReferenceCheck(context.rules)
      .id(`${prefix}ownerContactId`, 'contact', fields.ownerContactId)
      .id(`${prefix}ownerCountryId`, 'country', fields.ownerCountryId)
      .id(`${prefix}ownerOrganisationId`, 'organisation', fields.ownerOrganisationId)
      .throwIfAny();
  };

  /** Rewrites positions 1…n in the given order, touching only items whose position changes. */
  const renumber = async (ordered: readonly AgendaItem[], timestamp: string): Promise<void> => {
    for (const [index, item] of ordered.entries()) {
      if (item.position === index + 1) continue;
      const document = await database.agendaItems.findOne(item.id).exec();
      await document?.incrementalPatch({ position: index + 1, updatedAt: timestamp });
    }
  };

  /** Refuses an agenda item that does not exist or belongs to another meeting, naming the field. */
  const checkActionItem = async (meetingId: string, agendaItemId: string | null | undefined, path: string): Promise<void> => {
    if (agendaItemId === null || agendaItemId === undefined) return;
    const item = await database.agendaItems.findOne(agendaItemId).exec();
    if (item !== null && item.deletedAt === null && item.meetingId === meetingId) return;
    const message =
      item === null || item.deletedAt !== null
        ? `No agenda item "${agendaItemId}" exists (it may have been removed).`
        : 'That agenda item belongs to another meeting.';
    throw new AppFailure('invalid-input', message, [{ path, message, code: 'unknown-agenda-item', params: { id: agendaItemId } }]);
  };

  const itemDoc = async (id: string) => {
    const document = await database.agendaItems.findOne(id).exec();
    if (document === null || document.deletedAt !== null) throw notFound('agenda item', id);
    return document;
  };

  return {
    async list(status: MeetingStatus | undefined, includeDeleted: boolean): Promise<MeetingRow[]> {
      const meetings = (await database.meetings.find().exec()).map((document) => document.toMutableJSON());
      const items = (await database.agendaItems.find().exec()).map((document) => document.toMutableJSON());
      const actions = (await database.actionItems.find().exec()).map((document) => document.toMutableJSON());
      return meetings
        .filter((meeting) => (includeDeleted || meeting.deletedAt === null) && (status === undefined || meeting.status === status))
        .sort((a, b) => (a.start !== b.start ? (a.start < b.start ? 1 : -1) : a.id < b.id ? -1 : 1))
        .map((meeting) =>
          meetingRow(
            meeting,
            items.filter((item) => item.meetingId === meeting.id),
            actions.filter((action) => action.meetingId === meeting.id),
            context.lookup,
          ),
        );
    },

    get: detail,

    /** The meeting as an iCalendar file, people and countries named as the directory names them. */
    async exportIcs(id: string, scope: 'meeting' | 'agenda'): Promise<{ readonly fileName: string; readonly text: string }> {
      return meetingIcs(await detail(id), scope, context.clock.now(), context.lookup.label);
    },

    async create(input: MeetingInput, options: { readonly demo?: boolean } = {}): Promise<MeetingDetail> {
      checkMeetingRefs(input, 'meeting.');
      const id = newMeetingsId('mtg');
      const timestamp = now();
      await write([id], async () => {
        await database.meetings.insert({
          id,
          ...input,
          attendance: [],
          demo: options.demo ?? false,
          deletedAt: null,
          createdAt: timestamp,
          updatedAt: timestamp,
        });
      });
      return detail(id);
    },

    async update(id: string, changes: MeetingChanges): Promise<MeetingDetail> {
      await write([id], async () => {
        const document = await liveMeeting(id);
        const merged = { start: changes.start ?? document.start, end: changes.end ?? document.end, timeZone: changes.timeZone === undefined ? document.timeZone : changes.timeZone };
        const issues = checkMeetingTiming(merged).map((issue) => ({ ...issue, path: `changes.${issue.path}` }));
        if (issues.length > 0) throw new AppFailure('invalid-input', issues[0]?.message ?? 'The times are not valid.', issues);
        checkMeetingRefs(changes, 'changes.');
        await document.incrementalPatch({ ...changes, updatedAt: now() });
      });
      return detail(id);
    },

    async setDeleted(id: string, deleted: boolean): Promise<MeetingDetail> {
      await write([id], async () => {
        const document = await meetingDoc(id);
        if ((document.deletedAt !== null) === deleted) return;
        const timestamp = now();
        await document.incrementalPatch({ deletedAt: deleted ? timestamp : null, updatedAt: timestamp });
      });
      return detail(id);
    },

    async addItem(
      meetingId: string,
      input: AgendaItemInput,
      position: number | undefined,
      options: { readonly demo?: boolean } = {},
    ): Promise<MeetingDetail> {
      checkItemRefs(input, 'item.');
      await write([meetingId], async () => {
        await liveMeeting(meetingId);
        const agenda = agendaOf(await itemsOf(meetingId));
        const timestamp = now();
        const id = newMeetingsId('agi');
        const place = Math.min(Math.max(1, position ?? agenda.length + 1), agenda.length + 1);
        const item: AgendaItem = { id, meetingId, position: place, ...input, demo: options.demo ?? false, deletedAt: null, createdAt: timestamp, updatedAt: timestamp };
        await database.agendaItems.insert(item);
        const ordered = [...agenda];
        ordered.splice(place - 1, 0, item);
        await renumber(ordered.filter((entry) => entry.id !== id), timestamp);
        await renumber(ordered, timestamp);
      });
      return detail(meetingId);
    },

    async updateItem(id: string, changes: AgendaItemChanges): Promise<MeetingDetail> {
      checkItemRefs(changes, 'changes.');
      const meetingId = (await itemDoc(id)).meetingId;
      await write([meetingId], async () => {
        await liveMeeting(meetingId);
        await (await itemDoc(id)).incrementalPatch({ ...changes, updatedAt: now() });
      });
      return detail(meetingId);
    },

    async moveItem(id: string, position: number): Promise<MeetingDetail> {
      const meetingId = (await itemDoc(id)).meetingId;
      await write([meetingId], async () => {
        await liveMeeting(meetingId);
        const agenda = agendaOf(await itemsOf(meetingId));
        const from = agenda.findIndex((item) => item.id === id);
        const to = Math.min(Math.max(1, position), agenda.length) - 1;
        await renumber(moveItem(agenda, from, to), now());
      });
      return detail(meetingId);
    },

    async removeItem(id: string): Promise<MeetingDetail> {
      const meetingId = (await itemDoc(id)).meetingId;
      await write([meetingId], async () => {
        await liveMeeting(meetingId);
        const timestamp = now();
        await (await itemDoc(id)).incrementalPatch({ deletedAt: timestamp, updatedAt: timestamp });
        await renumber(agendaOf(await itemsOf(meetingId)), timestamp);
      });
      return detail(meetingId);
    },

    async setAttendance(meetingId: string, entries: readonly AttendanceEntry[]): Promise<MeetingDetail> {
      const check = new ReferenceCheck(context.rules);
      entries.forEach((entry, index) => check.id(`entries.${index}.contactId`, 'contact', entry.contactId).id(`entries.${index}.countryId`, 'country', entry.countryId));
      check.throwIfAny();
      await write([meetingId], async () => {
        const document = await liveMeeting(meetingId);
        const records = [...document.attendance];
        for (const entry of entries) {
          const at = records.findIndex((record) => sameAttendee(record, entry));
          if (at === -1) records.push({ ...entry });
          else records[at] = { ...entry };
        }
        await document.incrementalPatch({ attendance: records, updatedAt: now() });
      });
      return detail(meetingId);
    },

    async removeAttendance(meetingId: string, contactId: string | null, countryId: string | null): Promise<MeetingDetail> {
      await write([meetingId], async () => {
        const document = await liveMeeting(meetingId);
        const kept = document.attendance.filter((record) => !sameAttendee(record, { contactId, countryId }));
        if (kept.length !== document.attendance.length) await document.incrementalPatch({ attendance: kept, updatedAt: now() });
      });
      return detail(meetingId);
    },

    async listActions(filter: ActionFilter): Promise<ActionRow[]> {
      const meetings = new Map((await database.meetings.find().exec()).map((document) => [document.id, document]));
      const actions = (await database.actionItems.find().exec()).map((document) => document.toMutableJSON());
      return actionRows(actions, (id) => meetings.get(id), filter, localDate(context.clock.now()));
    },

    async createAction(meetingId: string, input: ActionItemInput, options: { readonly demo?: boolean } = {}): Promise<MeetingDetail> {
      checkActionRefs(input, 'action.');
      await write([meetingId], async () => {
        await liveMeeting(meetingId);
        await checkActionItem(meetingId, input.agendaItemId, 'action.agendaItemId');
        const timestamp = now();
        await database.actionItems.insert({
          id: newMeetingsId('act'),
          meetingId,
          ...input,
          closedAt: input.status === 'open' ? null : timestamp,
          demo: options.demo ?? false,
          deletedAt: null,
          createdAt: timestamp,
          updatedAt: timestamp,
        });
      });
      return detail(meetingId);
    },

    async updateAction(id: string, changes: ActionItemChanges): Promise<MeetingDetail> {
      checkActionRefs(changes, 'changes.');
      const found = await database.actionItems.findOne(id).exec();
      if (found === null || found.deletedAt !== null) throw notFound('action item', id);
      const meetingId = found.meetingId;
      await write([meetingId], async () => {
        await liveMeeting(meetingId);
        await checkActionItem(meetingId, changes.agendaItemId, 'changes.agendaItemId');
        const document = await database.actionItems.findOne(id).exec();
        if (document === null) throw notFound('action item', id);
        const timestamp = now();
        const status = changes.status ?? document.status;
        const closedAt = status === 'open' ? null : document.status === 'open' ? timestamp : document.closedAt;
        await document.incrementalPatch({ ...changes, closedAt, updatedAt: timestamp });
      });
      return detail(meetingId);
    },
  };
}

/** The date on this computer's calendar: "overdue" means past the day the person sees, not the UTC day. */
function localDate(moment: Date): string {
  const two = (value: number): string => String(value).padStart(2, '0');
  return `${String(moment.getFullYear()).padStart(4, '0')}-${two(moment.getMonth() + 1)}-${two(moment.getDate())}`;
}
