import type { meetingMethods } from '../../../shared/api/meetings';
import type { Handlers } from '../api/handlers';
import type { Meetings } from './meetings';

type MeetingMethod = keyof typeof meetingMethods;

/**
 * Handlers of the `meetings.*` and `actions.*` methods (shared/api/meetings.ts). Each waits for the meetings to be
 * loaded (the lock guard has already refused the call while the store is locked); expected failures throw
 * `AppFailure`.
 */
export function createMeetingHandlers(meetings: Meetings): Pick<Handlers, MeetingMethod> {
  return {
    'meetings.list': async (input) => ({ rows: await (await meetings.ready()).list(input.status, input.includeDeleted) }),
    'meetings.get': async (input) => (await meetings.ready()).get(input.id),
    'meetings.create': async (input) => (await meetings.ready()).create(input.meeting),
    'meetings.update': async (input) => (await meetings.ready()).update(input.id, input.changes),
    'meetings.delete': async (input) => (await meetings.ready()).setDeleted(input.id, true),
    'meetings.restore': async (input) => (await meetings.ready()).setDeleted(input.id, false),
    'meetings.exportIcs': async (input) => (await meetings.ready()).exportIcs(input.id, input.scope),
    'meetings.agenda.add': async (input) => (await meetings.ready()).addItem(input.meetingId, input.item, input.position),
    'meetings.agenda.update': async (input) => (await meetings.ready()).updateItem(input.id, input.changes),
    'meetings.agenda.move': async (input) => (await meetings.ready()).moveItem(input.id, input.position),
    'meetings.agenda.remove': async (input) => (await meetings.ready()).removeItem(input.id),
    'meetings.attendance.set': async (input) => (await meetings.ready()).setAttendance(input.meetingId, input.entries),
    'meetings.attendance.remove': async (input) =>
      (await meetings.ready()).removeAttendance(input.meetingId, input.contactId, input.countryId),
    'actions.list': async (input) => ({ rows: await (await meetings.ready()).listActions(input) }),
    'actions.create': async (input) => (await meetings.ready()).createAction(input.meetingId, input.action),
    'actions.update': async (input) => (await meetings.ready()).updateAction(input.id, input.changes),
  };
}
