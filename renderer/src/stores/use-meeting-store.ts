import { create } from 'zustand';
import type { MethodInput } from '../../../shared/api/contract';
import type { MeetingDetail } from '../../../shared/api/meetings';
import { fail, type AppError, type Result } from '../../../shared/api/result';
import type { AgendaItemChanges, ActionItemChanges, MeetingChanges } from '../../../shared/domain/meeting-input';
import { getBridge, onCoreEvent } from '../api/client';

/** The open meeting's loading state. */
export type MeetingLoad =
  | { readonly status: 'none' }
  | { readonly status: 'loading'; readonly id: string }
  | { readonly status: 'loaded'; readonly detail: MeetingDetail }
  | { readonly status: 'error'; readonly id: string; readonly error: AppError };

/** The parts of a meeting's page. */
export type MeetingSection = 'agenda' | 'attendance' | 'actions';

/** A contact as the meeting's page names it. */
export interface ContactName {
  readonly name: string;
  /** '' when the contact has none. */
  readonly countryId: string;
}

/** A library document as the meeting's page names it. */
export interface PaperName {
  readonly title: string;
  readonly deleted: boolean;
}

/** One match of a type-ahead (a contact, a paper). */
export interface LookupOption {
  readonly id: string;
  readonly label: string;
  /** What tells two alike apart: a contact's country, a paper's date and file. */
  readonly detail: string;
  /** A contact's country id, when the type-ahead gives it. */
  readonly countryId?: string;
}

type AgendaItemInput = MethodInput<'meetings.agenda.add'>['item'];
type AttendanceInput = MethodInput<'meetings.attendance.set'>['entries'][number];
type ActionInput = MethodInput<'actions.create'>['action'];

export interface MeetingState {
  readonly open: MeetingLoad;
  /** Writes queued or running: while any is, `meetings.changed` does not reload (each write answers with the page). */
  readonly pending: number;
  readonly section: MeetingSection;
  /** Ids of the open meeting's action items that are overdue today, as the core judges it. */
  readonly overdueIds: ReadonlySet<string>;
  /** Contacts the page refers to, by id, as far as they are known. */
  readonly contacts: Readonly<Record<string, ContactName>>;
  /** Papers the page refers to, by id, as far as they are known. */
  readonly papers: Readonly<Record<string, PaperName>>;
  readonly setSection: (section: MeetingSection) => void;
  /** Loads `id` (kept on screen while a refresh of the same meeting runs). */
  readonly load: (id: string) => Promise<void>;
  readonly close: () => void;
  readonly update: (changes: MeetingChanges) => Promise<Result<MeetingDetail>>;
  readonly remove: () => Promise<Result<MeetingDetail>>;
  readonly restore: () => Promise<Result<MeetingDetail>>;
  /** Adds an item at the end of the agenda (or at the 1-based `position`). */
  readonly addItem: (item: AgendaItemInput, position?: number) => Promise<Result<MeetingDetail>>;
  readonly updateItem: (id: string, changes: AgendaItemChanges) => Promise<Result<MeetingDetail>>;
  /** Moves an item to the 1-based `position`. */
  readonly moveItem: (id: string, position: number) => Promise<Result<MeetingDetail>>;
  readonly removeItem: (id: string) => Promise<Result<MeetingDetail>>;
  readonly setAttendance: (entries: readonly AttendanceInput[]) => Promise<Result<MeetingDetail>>;
  readonly removeAttendance: (contactId: string | null, countryId: string | null) => Promise<Result<MeetingDetail>>;
  readonly createAction: (action: ActionInput) => Promise<Result<MeetingDetail>>;
  readonly updateAction: (id: string, changes: ActionItemChanges) => Promise<Result<MeetingDetail>>;
  /** The open meeting as an iCalendar file: the meeting itself, or one event per timed agenda item. */
  readonly exportIcs: (scope: 'meeting' | 'agenda') => Promise<Result<{ readonly fileName: string; readonly text: string }>>;
  /** Names contacts the page refers to that it does not know yet (from `directory.contacts.get`). */
  readonly resolveContacts: (ids: readonly string[]) => Promise<void>;
  /** Names papers the page refers to that it does not know yet (from `documents.get`). */
  readonly resolvePapers: (ids: readonly string[]) => Promise<void>;
  /** Records a name already known (a type-ahead's choice), so it shows before any lookup. */
  readonly rememberContact: (id: string, name: ContactName) => void;
  readonly rememberPaper: (id: string, name: PaperName) => void;
  /** Follows `meetings.changed` for the open meeting; returns the unsubscribe. */
  readonly follow: () => () => void;
}

// Each load or write answer takes a ticket; an answer older than the newest applied is dropped.
let latest = 0;
// Writes run one after another, in the order they were asked (five items typed quickly land in that order).
let chain: Promise<unknown> = Promise.resolve();
const requestedContacts = new Set<string>();
// Contacts named by a type-ahead's choice: shown at once, and still asked of the directory for the whole record.
const provisionalContacts = new Set<string>();
const requestedPapers = new Set<string>();

const closed = (): Result<never> => fail('not-found', 'No meeting is open.');

/** Every contact and paper a meeting's page names. */
function referencesOf(detail: MeetingDetail): { contacts: string[]; papers: string[] } {
  const contacts = new Set<string>();
  const papers = new Set<string>(detail.meeting.documentIds);
  for (const item of detail.agenda) {
    item.presenterContactIds.forEach((id) => contacts.add(id));
    item.documentIds.forEach((id) => papers.add(id));
  }
  for (const record of detail.meeting.attendance) if (record.contactId !== null) contacts.add(record.contactId);
  for (const action of detail.actions) if (action.ownerContactId !== null) contacts.add(action.ownerContactId);
  return { contacts: [...contacts], papers: [...papers] };
}

/**
 * One meeting's page: its detail from the core (agenda times, warnings, attendance counts, action items, all
 * computed there), the writes made from it, run one at a time and each answered with the new page, and the names of
 * the contacts and papers it refers to.
 */
export const useMeetingStore = create<MeetingState>()((set, get) => {
  const openId = (): string | null => {
    const open = get().open;
    if (open.status === 'none') return null;
    return open.status === 'loaded' ? open.detail.meeting.id : open.id;
  };

  const refreshOverdue = async (meetingId: string): Promise<void> => {
    const result = await getBridge()['actions.list']({ meetingId, overdue: true });
    // A failed check only loses the marks; the page itself is still right.
    if (result.ok && openId() === meetingId) set({ overdueIds: new Set(result.value.rows.map((row) => row.id)) });
  };

  const shown = (detail: MeetingDetail): void => {
    set({ open: { status: 'loaded', detail } });
    const references = referencesOf(detail);
    void get().resolveContacts(references.contacts);
    void get().resolvePapers(references.papers);
  };

  /** Queues a write for the open meeting; its answer becomes the page when that meeting is still open. */
  const write = (call: (meetingId: string) => Promise<Result<MeetingDetail>>, options: { readonly actions?: boolean } = {}) => {
    const meetingId = openId();
    if (meetingId === null) return Promise.resolve(closed());
    set({ pending: get().pending + 1 });
    const run = chain.then(async () => {
      const result = await call(meetingId);
      latest += 1;
      set({ pending: Math.max(0, get().pending - 1) });
      if (result.ok && openId() === meetingId) {
        shown(result.value);
        if (options.actions === true) void refreshOverdue(meetingId);
      }
      return result;
    });
    chain = run;
    return run;
  };

  return {
    open: { status: 'none' },
    pending: 0,
    section: 'agenda',
    overdueIds: new Set(),
    contacts: {},
    papers: {},
    setSection: (section) => {
      set({ section });
    },
    load: async (id) => {
      const ticket = ++latest;
      if (openId() !== id) set({ open: { status: 'loading', id }, overdueIds: new Set() });
      else if (get().open.status !== 'loaded') set({ open: { status: 'loading', id } });
      const result = await getBridge()['meetings.get']({ id });
      if (ticket !== latest) return;
      if (!result.ok) {
        set({ open: { status: 'error', id, error: result.error } });
        return;
      }
      shown(result.value);
      void refreshOverdue(id);
    },
    close: () => {
      latest += 1;
      set({ open: { status: 'none' }, overdueIds: new Set() });
    },
    update: (changes) => write((id) => getBridge()['meetings.update']({ id, changes })),
    remove: () => write((id) => getBridge()['meetings.delete']({ id })),
    restore: () => write((id) => getBridge()['meetings.restore']({ id })),
    addItem: (item, position) =>
      write((meetingId) => getBridge()['meetings.agenda.add']({ meetingId, item, ...(position === undefined ? {} : { position }) })),
    updateItem: (id, changes) => write(() => getBridge()['meetings.agenda.update']({ id, changes })),
    moveItem: (id, position) => write(() => getBridge()['meetings.agenda.move']({ id, position })),
    removeItem: (id) => write(() => getBridge()['meetings.agenda.remove']({ id })),
    setAttendance: (entries) => write((meetingId) => getBridge()['meetings.attendance.set']({ meetingId, entries: [...entries] })),
    removeAttendance: (contactId, countryId) =>
      write((meetingId) => getBridge()['meetings.attendance.remove']({ meetingId, contactId, countryId })),
    createAction: (action) => write((meetingId) => getBridge()['actions.create']({ meetingId, action }), { actions: true }),
    updateAction: (id, changes) => write(() => getBridge()['actions.update']({ id, changes }), { actions: true }),
    exportIcs: async (scope) => {
      const id = openId();
      if (id === null) return closed();
      return getBridge()['meetings.exportIcs']({ id, scope });
    },
    resolveContacts: async (ids) => {
      const known = get().contacts;
      const wanted = ids.filter((id) => (!(id in known) || provisionalContacts.has(id)) && !requestedContacts.has(id));
      wanted.forEach((id) => requestedContacts.add(id));
      const found = await Promise.all(wanted.map((id) => getBridge()['directory.contacts.get']({ id })));
      const named: Record<string, ContactName> = {};
      found.forEach((result, index) => {
        const id = wanted[index];
        if (id === undefined) return;
        // Not found: the page shows the id as a missing contact; a later page may ask again.
        requestedContacts.delete(id);
        if (!result.ok) return;
        provisionalContacts.delete(id);
        named[id] = { name: result.value.displayName, countryId: result.value.countryId };
      });
      if (Object.keys(named).length > 0) set({ contacts: { ...get().contacts, ...named } });
    },
    resolvePapers: async (ids) => {
      const wanted = ids.filter((id) => !(id in get().papers) && !requestedPapers.has(id));
      wanted.forEach((id) => requestedPapers.add(id));
      const found = await Promise.all(wanted.map((id) => getBridge()['documents.get']({ id })));
      const named: Record<string, PaperName> = {};
      found.forEach((result, index) => {
        const id = wanted[index];
        if (id === undefined) return;
        if (result.ok) named[id] = { title: result.value.document.title, deleted: result.value.document.deletedAt !== null };
        else requestedPapers.delete(id);
      });
      if (Object.keys(named).length > 0) set({ papers: { ...get().papers, ...named } });
    },
    rememberContact: (id, name) => {
      if (id in get().contacts && !provisionalContacts.has(id)) return;
      provisionalContacts.add(id);
      set({ contacts: { ...get().contacts, [id]: name } });
    },
    rememberPaper: (id, name) => {
      set({ papers: { ...get().papers, [id]: name } });
    },
    follow: () =>
      onCoreEvent('meetings.changed', (payload) => {
        const id = openId();
        if (id !== null && payload.ids.includes(id) && get().pending === 0) void get().load(id);
      }),
  };
});

/** Contacts whose name or country matches `text`, from the directory's type-ahead. */
export async function findContacts(text: string, limit = 20): Promise<Result<LookupOption[]>> {
  const wanted = text.trim();
  if (wanted === '') return { ok: true, value: [] };
  const result = await getBridge()['directory.search']({ text: wanted, limit });
  if (!result.ok) return result;
  return {
    ok: true,
    value: result.value.hits
      .filter((hit) => hit.kind === 'contact')
      .map((hit) => ({ id: hit.id, label: hit.label, detail: hit.countryName ?? hit.detail, countryId: hit.countryId ?? '' })),
  };
}

/** Library documents matching `text` (searched in their titles, summaries and text); the latest added for ''. */
export async function findPapers(text: string, limit = 20): Promise<Result<LookupOption[]>> {
  const wanted = text.trim();
  const option = (row: { id: string; title: string; date: string | null; latest: { fileName: string } }): LookupOption => ({
    id: row.id,
    label: row.title,
    detail: [row.date ?? '', row.latest.fileName].filter((part) => part !== '').join(', '),
  });
  if (wanted === '') {
    const result = await getBridge()['documents.list']({ sort: 'updated', limit });
    return result.ok ? { ok: true, value: result.value.rows.filter((row) => !row.deleted).map(option) } : result;
  }
  const result = await getBridge()['documents.search']({ text: wanted, limit });
  return result.ok ? { ok: true, value: result.value.hits.map((hit) => option(hit.document)).filter((hit) => hit.id !== '') } : result;
}

/** Forgets answers and queued writes on their way and puts the store back as a fresh window has it; for tests. */
export function resetMeeting(): void {
  latest += 1;
  chain = Promise.resolve();
  requestedContacts.clear();
  provisionalContacts.clear();
  requestedPapers.clear();
  useMeetingStore.setState(useMeetingStore.getInitialState());
}
