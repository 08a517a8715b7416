import type { ActionItem } from '../schemas/action-item';
import type { AgendaItem } from '../schemas/agenda-item';
import type { Meeting } from '../schemas/meeting';

/**
 * A meeting, an agenda item and an action item as tests start from, for the shared rules' tests and the renderer's
 * meetings fake alike. Each takes overrides, so a test states only what matters to it.
 */

const stamps = { deletedAt: null, createdAt: '2025-03-04T10:00:00.000Z', updatedAt: '2025-03-04T10:00:00.000Z' } as const;

/** The Copenhagen workshop of May 2026 (timed, Europe/Copenhagen); `overrides` make any other meeting. */
export function sampleMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'mtg-copenhagen',
    title: 'Copenhagen workshop',
    kind: 'workshop',
    start: '2026-05-14T09:00',
    end: '2026-05-14T17:00',
    timeZone: 'Europe/Copenhagen',
    location: 'Eigtveds Pakhus, Copenhagen',
    virtualLink: '',
    hostCountryIds: ['dk'],
    hostOrganisationIds: [],
    documentIds: [],
    status: 'planned',
    classification: '',
    description: 'A working day on national action plans.',
    statedCountryCount: null,
    attendance: [],
    demo: false,
    ...stamps,
    ...overrides,
  };
}

/** An agenda item of the sample meeting (15 minutes, following the one before); `overrides` make any other. */
export function sampleAgendaItem(overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    id: 'agi-opening',
    meetingId: 'mtg-copenhagen',
    position: 1,
    title: 'Opening',
    description: '',
    durationMinutes: 15,
    fixedStart: null,
    presenterContactIds: [],
    presenterCountryIds: [],
    presenterOrganisationIds: [],
    documentIds: [],
    minutes: '',
    decisions: [],
    demo: false,
    ...stamps,
    ...overrides,
  };
}

/** An open action item of the sample meeting, Denmark's, due 1 June 2026; `overrides` make any other. */
export function sampleAction(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 'act-report',
    meetingId: 'mtg-copenhagen',
    agendaItemId: null,
    title: 'Circulate the report',
    ownerContactId: null,
    ownerCountryId: 'dk',
    ownerOrganisationId: null,
    due: '2026-06-01',
    status: 'open',
    notes: '',
    closedAt: null,
    demo: false,
    ...stamps,
    ...overrides,
  };
}
