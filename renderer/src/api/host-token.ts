import { SOCKET_PATH, TOKEN_PARAM } from '../../../shared/api/socket-protocol';

/** Where the token is kept for the life of the tab, so a reload still connects after the fragment is gone. */
export const TOKEN_STORAGE_KEY = 'focal.hostToken';

/** The parts of the page the token lookup reads and changes; the real `location`, `history` and `sessionStorage`. */
export interface TokenEnvironment {
  readonly location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
  /** Null when the browser refuses storage; the token then lasts only until the next reload. */
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

/**
 * The host's session token. A `#token=…` fragment (how `npm run host` opens the page) wins: it is kept in session
 * storage and removed from the address bar, so it is not left in view, in bookmarks or in screenshots. Without a
 * fragment the token kept by an earlier load of this tab is used. Null when there is neither.
 */
export function takeHostToken(env: TokenEnvironment): string | null {
  const fromFragment = new URLSearchParams(env.location.hash.replace(/^#/, '')).get(TOKEN_PARAM);
  if (fromFragment !== null && fromFragment !== '') {
    try {
      env.storage?.setItem(TOKEN_STORAGE_KEY, fromFragment);
    } catch (error: unknown) {
      console.warn('Focal Desk: could not keep the host token for reloads', error);
    }
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}`);
    return fromFragment;
  }
  try {
    const stored = env.storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
    return stored === '' ? null : stored;
  } catch {
    return null;
  }
}

/** `ws://<host>/api?token=…` (or `wss:` when the page itself came over https). */
export function hostSocketUrl(location: Pick<Location, 'protocol' | 'host'>, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${SOCKET_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
}
