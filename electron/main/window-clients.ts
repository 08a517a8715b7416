import { isForClient } from '../core/events/event-bus';

/**
 * The page in a window is one client of the core: its calls carry a client id, what it opens (live contact lists)
 * belongs to that id, and when the page goes the core is told (`Core.clientGone`) so those end at once. A page goes
 * when its WebContents is destroyed (window closed), when its renderer process dies, and when its main frame starts a
 * navigation to another document (reload, or the app's own navigation): the WebContents stays, but the page that made
 * the calls does not, and the next page is a new client.
 */

/** What a WebContents tells about its page, as far as the page's client is concerned. */
export type PageSignal =
  | { readonly kind: 'destroyed' }
  | { readonly kind: 'render-process-gone' }
  | { readonly kind: 'did-start-navigation'; readonly isMainFrame: boolean; readonly isSameDocument: boolean };

/**
 * Whether `signal` means the page that made the calls is gone. A navigation inside the document (a hash or
 * `history.pushState` change) or in a sub-frame leaves the page, and its client, in place.
 */
export function endsPage(signal: PageSignal): boolean {
  switch (signal.kind) {
    case 'destroyed':
    case 'render-process-gone':
      return true;
    case 'did-start-navigation':
      return signal.isMainFrame && !signal.isSameDocument;
  }
}

/**
 * The signal of Electron's `did-start-navigation`, from its first argument (`{ isMainFrame, isSameDocument, … }`);
 * null when it does not have that shape, which is then not taken for the page going.
 */
export function navigationSignal(details: unknown): PageSignal | null {
  if (typeof details !== 'object' || details === null) return null;
  const { isMainFrame, isSameDocument } = details as { isMainFrame?: unknown; isSameDocument?: unknown };
  if (typeof isMainFrame !== 'boolean' || typeof isSameDocument !== 'boolean') return null;
  return { kind: 'did-start-navigation', isMainFrame, isSameDocument };
}

/** The parts of a WebContents followed here: the real one in the app, an EventEmitter with an id in tests. */
export interface ContentsLike {
  readonly id: number;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** The clients of the app's windows. */
export interface WindowClients {
  /** The client id of the page now in `contents`; the first time, starts following the contents' signals. */
  clientIdOf(contents: ContentsLike): string;
  /** Whether an event sent `to` (null: to every client) is for the page now in the contents with this id. */
  accepts(contentsId: number, to: string | null): boolean;
}

/** Follows the windows' pages and calls `clientGone` once for each page that goes. */
export function createWindowClients(clientGone: (clientId: string) => void): WindowClients {
  /** WebContents id → the client id of its page, or null while its next page has made no call yet. */
  const pages = new Map<number, string | null>();
  let made = 0;

  const pageGone = (contentsId: number, signal: PageSignal): void => {
    if (!endsPage(signal)) return;
    const clientId = pages.get(contentsId) ?? null;
    if (signal.kind === 'destroyed') pages.delete(contentsId);
    else pages.set(contentsId, null);
    if (clientId !== null) clientGone(clientId);
  };

  const follow = (contents: ContentsLike): void => {
    const id = contents.id;
    contents.on('destroyed', () => {
      pageGone(id, { kind: 'destroyed' });
    });
    contents.on('render-process-gone', () => {
      pageGone(id, { kind: 'render-process-gone' });
    });
    contents.on('did-start-navigation', (details) => {
      const signal = navigationSignal(details);
      if (signal !== null) pageGone(id, signal);
    });
  };

  return {
    clientIdOf(contents) {
      if (!pages.has(contents.id)) follow(contents);
      let clientId = pages.get(contents.id) ?? null;
      if (clientId === null) {
        made += 1;
        clientId = `window-${contents.id}-page-${made}`;
        pages.set(contents.id, clientId);
      }
      return clientId;
    },
    accepts(contentsId, to) {
      const clientId = pages.get(contentsId) ?? null;
      // A page that has made no call has opened nothing: an event addressed to some client is not for it.
      return clientId === null ? to === null : isForClient(to, clientId);
    },
  };
}
