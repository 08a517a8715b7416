import { Temporal } from 'temporal-polyfill';
import { calendarText, nameList } from './calendar-text';
import type { WallTime } from './calendar-times';

/** An agenda item as the descriptions need it: its place in the agenda and its checked times. */
export interface DescribedItem {
  /** 1-based position in the agenda, kept when only some items are listed. */
  readonly number: number;
  readonly title: string;
  readonly description: string;
  readonly presenters: readonly string[];
  readonly start: WallTime | null;
  readonly end: WallTime | null;
}

/** What every description of a meeting ends with. */
export interface MeetingFacts {
  readonly description: string;
  readonly hosts: readonly string[];
  readonly virtualLink: string;
  /** Zone the agenda's times are on, named once in the text; null for floating times. */
  readonly zone: string | null;
  /** Whether the meeting spans several days, so agenda times carry their date. */
  readonly multiDay: boolean;
}

/**
 * Plain-text DESCRIPTION of the whole meeting: its own description, the agenda heading and `items` in order with
 * times and presenters, then hosts and the online link. Calendars show it as is, so it is written for people; the
 * labels are English (the core has no locale).
 * @param heading e.g. "Agenda" or "Agenda items without a set time"; nothing is listed when `items` is empty.
 */
export function meetingDescription(facts: MeetingFacts, heading: string, items: readonly DescribedItem[]): string {
  const blocks: string[] = [];
  const own = calendarText(facts.description).trim();
  if (own !== '') blocks.push(own);
  if (items.length > 0) {
    const timed = items.some((item) => item.start !== null || item.end !== null);
    const zoneNote = timed && facts.zone !== null ? ` (times in ${facts.zone})` : '';
    blocks.push([`${heading}${zoneNote}:`, ...items.map((item) => agendaLine(item, facts.multiDay))].join('\n'));
  }
  const closing: string[] = [];
  const hosts = nameList(facts.hosts);
  if (hosts !== '') closing.push(`Hosted by ${hosts}`);
  const link = calendarText(facts.virtualLink).trim();
  if (link !== '') closing.push(`Online: ${link}`);
  if (closing.length > 0) blocks.push(closing.join('\n'));
  return blocks.join('\n\n');
}

/** Plain-text DESCRIPTION of one agenda item's own event: its description, then who presents it. */
export function itemDescription(item: DescribedItem, facts: Pick<MeetingFacts, 'virtualLink'>): string {
  const blocks: string[] = [];
  const own = calendarText(item.description).trim();
  if (own !== '') blocks.push(own);
  const closing: string[] = [];
  const presenters = nameList(item.presenters);
  if (presenters !== '') closing.push(`Presented by ${presenters}`);
  const link = calendarText(facts.virtualLink).trim();
  if (link !== '') closing.push(`Online: ${link}`);
  if (closing.length > 0) blocks.push(closing.join('\n'));
  return blocks.join('\n\n');
}

/** The title calendars show for an item; an untitled one is called by its number. */
export function itemTitle(item: Pick<DescribedItem, 'number' | 'title'>): string {
  const title = calendarText(item.title).trim();
  return title === '' ? `Agenda item ${item.number}` : title;
}

function agendaLine(item: DescribedItem, multiDay: boolean): string {
  const when = timeRange(item.start, item.end, multiDay);
  const presenters = nameList(item.presenters);
  // One line per item: a title with line breaks would otherwise read as several items.
  const title = itemTitle(item).replace(/\s*\n\s*/g, ' ');
  const by = presenters === '' ? '' : ` — presented by ${presenters}`;
  return `${item.number}. ${when === '' ? '' : `${when} `}${title}${by}`;
}

function timeRange(start: WallTime | null, end: WallTime | null, multiDay: boolean): string {
  if (start === null) return end === null ? '' : `until ${clock(end, multiDay)}`;
  if (end === null) return clock(start, multiDay);
  const sameDay = Temporal.PlainDate.compare(start.toPlainDate(), end.toPlainDate()) === 0;
  return sameDay ? `${clock(start, multiDay)}–${clock(end, false)}` : `${clock(start, true)} – ${clock(end, true)}`;
}

function clock(time: WallTime, withDate: boolean): string {
  const hhmm = `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
  return withDate ? `${time.toPlainDate().toString()} ${hhmm}` : hhmm;
}
