import type { ContactRow, ContactWindow } from '../../../shared/api/directory';
import { AppFailure } from '../app-failure';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../ports';
import { selectContactIds, type ParsedContactFilter } from './contact-filter';
import type { DirectoryCache } from './directory-cache';
import type { DirectorySearch } from './directory-search';
import { newEphemeralId } from './ids';
import type { DirectoryRows } from './rows';

export interface ListRange {
  readonly offset: number;
  readonly limit: number;
}

/**
 * Live contact lists (`directory.contacts.watch`): each holds a filter and the window a view shows. After a burst of
 * changes `refresh()` recomputes every list from the cache and pushes `directory.contacts.window` for those whose
 * total or visible rows changed — and only those. At most `maxLists` are live: a view that forgot to unwatch cannot
 * exhaust the core, the oldest list is dropped instead.
 */
export interface ContactLists {
  /** Ids a filter selects, in list order (not live: for the CLI and the export). */
  select(filter: ParsedContactFilter): readonly string[];
  watch(filter: ParsedContactFilter, range: ListRange): ContactWindow;
  /** `not-found` when the list is no longer live (unwatched, dropped, or the core restarted). */
  rewatch(subscriptionId: string, filter: ParsedContactFilter | undefined, range: ListRange): ContactWindow;
  unwatch(subscriptionId: string): boolean;
  /** Recomputes every live list and pushes the windows that changed. */
  refresh(): void;
  readonly liveCount: number;
  close(): void;
}

export const MAX_LIVE_LISTS = 64;

interface LiveList {
  readonly id: string;
  filter: ParsedContactFilter;
  range: ListRange;
  /** What was last sent (answered or pushed), to push only real changes. */
  sent: ContactWindow;
}

export interface ContactListDeps {
  readonly cache: DirectoryCache;
  readonly rows: DirectoryRows;
  readonly search: DirectorySearch;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly maxLists?: number;
}

export function createContactLists(deps: ContactListDeps): ContactLists {
  const { cache, rows, search, events, logger } = deps;
  const maxLists = deps.maxLists ?? MAX_LIVE_LISTS;
  const lists = new Map<string, LiveList>();
  /** Selections by filter, valid for one cache version: lists sharing a filter (or scrolling one) compute it once. */
  let memo = new Map<string, readonly string[]>();
  let memoVersion = -1;

  const select = (filter: ParsedContactFilter): readonly string[] => {
    if (memoVersion !== cache.version) {
      memo = new Map();
      memoVersion = cache.version;
    }
    const key = JSON.stringify(filter);
    let ids = memo.get(key);
    if (ids === undefined) {
      ids = selectContactIds(cache, search, filter);
      memo.set(key, ids);
    }
    return ids;
  };

  const windowOf = (list: LiveList): ContactWindow => {
    const ids = select(list.filter);
    const visible: ContactRow[] = [];
    for (const id of ids.slice(list.range.offset, list.range.offset + list.range.limit)) {
      const row = rows.contactRow(id);
      if (row !== undefined) visible.push(row);
    }
    return { subscriptionId: list.id, total: ids.length, offset: list.range.offset, rows: visible };
  };

  const sameWindow = (a: ContactWindow, b: ContactWindow): boolean =>
    a.total === b.total && a.offset === b.offset && a.rows.length === b.rows.length && a.rows.every((row, at) => row === b.rows[at]);

  const live = (subscriptionId: string): LiveList => {
    const list = lists.get(subscriptionId);
    if (list === undefined) throw new AppFailure('not-found', 'This list is no longer live. Open it again.');
    return list;
  };

  return {
    select,
    watch(filter, range) {
      while (lists.size >= maxLists) {
        const oldest = lists.keys().next().value;
        if (oldest === undefined) break;
        lists.delete(oldest);
        logger.log('warn', 'Dropped the oldest live contact list: too many were open', { limit: maxLists });
      }
      const list: LiveList = { id: newEphemeralId('sub'), filter, range, sent: { subscriptionId: '', total: 0, offset: 0, rows: [] } };
      list.sent = windowOf(list);
      lists.set(list.id, list);
      return list.sent;
    },
    rewatch(subscriptionId, filter, range) {
      const list = live(subscriptionId);
      if (filter !== undefined) list.filter = filter;
      list.range = range;
      list.sent = windowOf(list);
      return list.sent;
    },
    unwatch: (subscriptionId) => lists.delete(subscriptionId),
    refresh() {
      for (const list of lists.values()) {
        const next = windowOf(list);
        if (sameWindow(next, list.sent)) continue;
        list.sent = next;
        events.emit({ name: 'directory.contacts.window', payload: next });
      }
    },
    get liveCount() {
      return lists.size;
    },
    close() {
      lists.clear();
      memo = new Map();
    },
  };
}
