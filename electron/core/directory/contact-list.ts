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
 * total or visible rows changed — and only those. A list opened by a client (a window's page, a host socket) belongs
 * to it: its windows are sent to that client alone, only it can move or end the list, and the list ends when the
 * client goes (`EventBus.clientGone`). At most `maxLists` are live: a view that forgot to unwatch cannot exhaust the
 * core, the oldest list is dropped instead.
 */
export interface ContactLists {
  /** Ids a filter selects, in list order (not live: for the CLI and the export). */
  select(filter: ParsedContactFilter): readonly string[];
  /** `owner`: the calling client's id, null for a caller without one (the list then ends only by unwatch or eviction). */
  watch(filter: ParsedContactFilter, range: ListRange, owner: string | null): ContactWindow;
  /** `not-found` when the list is no longer live (unwatched, dropped, its client gone, or the core restarted) or is another client's. */
  rewatch(subscriptionId: string, filter: ParsedContactFilter | undefined, range: ListRange, owner: string | null): ContactWindow;
  /** False when there was no such live list, or it is another client's (which is then left alone). */
  unwatch(subscriptionId: string, owner: string | null): boolean;
  /** Ends every list of `clientId`; returns how many. */
  endClient(clientId: string): number;
  /** Recomputes every live list and pushes the windows that changed. */
  refresh(): void;
  readonly liveCount: number;
  close(): void;
}

export const MAX_LIVE_LISTS = 64;
/** Clients remembered as gone, so a watch that was still on its way when its client went is not kept. */
const REMEMBERED_GONE_CLIENTS = 256;

interface LiveList {
  readonly id: string;
  /** The client that opened it; null for a caller without one. */
  readonly owner: string | null;
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

  /** A caller without a client (CLI, tests) may reach any list; a client only its own or an unowned one. */
  const reachable = (list: LiveList, owner: string | null): boolean => owner === null || list.owner === null || list.owner === owner;

  const live = (subscriptionId: string, owner: string | null): LiveList => {
    const list = lists.get(subscriptionId);
    // Another client's list answers like a missing one: ids are not secrets, but lists are not shared either.
    if (list === undefined || !reachable(list, owner)) throw new AppFailure('not-found', 'This list is no longer live. Open it again.');
    return list;
  };

  const gone = new Set<string>();

  const endClient = (clientId: string): number => {
    gone.add(clientId);
    // Oldest first: a Set iterates in insertion order.
    for (const old of gone) {
      if (gone.size <= REMEMBERED_GONE_CLIENTS) break;
      gone.delete(old);
    }
    let ended = 0;
    for (const [id, list] of lists) {
      if (list.owner !== clientId) continue;
      lists.delete(id);
      ended += 1;
    }
    if (ended > 0) logger.log('debug', 'Ended the live contact lists of a client that went', { lists: ended });
    return ended;
  };
  const stopFollowingClients = events.onClientGone(endClient);

  return {
    select,
    watch(filter, range, owner) {
      const list: LiveList = { id: newEphemeralId('sub'), owner, filter, range, sent: { subscriptionId: '', total: 0, offset: 0, rows: [] } };
      list.sent = windowOf(list);
      // A client that went while this call was on its way gets its answer (nobody reads it) but no live list.
      if (owner !== null && gone.has(owner)) return list.sent;
      while (lists.size >= maxLists) {
        const oldest = lists.keys().next().value;
        if (oldest === undefined) break;
        lists.delete(oldest);
        logger.log('warn', 'Dropped the oldest live contact list: too many were open', { limit: maxLists });
      }
      lists.set(list.id, list);
      return list.sent;
    },
    rewatch(subscriptionId, filter, range, owner) {
      const list = live(subscriptionId, owner);
      if (filter !== undefined) list.filter = filter;
      list.range = range;
      list.sent = windowOf(list);
      return list.sent;
    },
    unwatch(subscriptionId, owner) {
      const list = lists.get(subscriptionId);
      return list !== undefined && reachable(list, owner) && lists.delete(subscriptionId);
    },
    endClient,
    refresh() {
      for (const list of lists.values()) {
        const next = windowOf(list);
        if (sameWindow(next, list.sent)) continue;
        list.sent = next;
        events.emit({ name: 'directory.contacts.window', payload: next }, list.owner === null ? {} : { to: list.owner });
      }
    },
    get liveCount() {
      return lists.size;
    },
    close() {
      stopFollowingClients();
      lists.clear();
      memo = new Map();
    },
  };
}
