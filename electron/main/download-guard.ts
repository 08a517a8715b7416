import { join } from 'node:path';
import type { Session } from 'electron';
import type { Logger } from '../core/ports';
import { isAppUrl, parseUrl } from './app-origin';

/**
 * Downloads in the app's window. The renderer saves files (a vCard export) through a blob download; in Electron a
 * download that nobody handles may be written straight to a folder the person never chose. Every download here is
 * either refused or goes through the system's save dialog, opened in the Downloads folder with a safe file name: the
 * guard never sets a save path itself, so nothing is ever saved without the person choosing where.
 */

/** What a download asks, as the guard sees it. */
export interface DownloadRequest {
  /** The download's URL (`DownloadItem.getURL()`). */
  readonly url: string;
  /** The address of the page that started it; null when no page did. */
  readonly pageUrl: string | null;
  /** The name the page suggested (`<a download="…">`, `DownloadItem.getFilename()`). */
  readonly suggestedName: string;
}

export type DownloadDecision =
  | { readonly action: 'ask'; readonly fileName: string }
  | { readonly action: 'refuse'; readonly reason: 'not-a-blob' | 'foreign-blob' | 'foreign-page' };

/** The name used when the page suggests none that can be kept. */
export const FALLBACK_FILE_NAME = 'download';
/** Longest file name offered (in UTF-16 units, extension included), well under the 255 bytes file systems allow. */
export const MAX_FILE_NAME_LENGTH = 120;

/**
 * What to do with a download: only a `blob:` URL made by the app's own page (`blob:app://focal/…`), started by a page
 * on the app's origin, is offered for saving, under `safeFileName` of its suggested name. Anything else — a remote,
 * `data:` or `file:` URL, a blob of another origin, or a download no app page started — is refused.
 */
export function decideDownload(request: DownloadRequest): DownloadDecision {
  const url = parseUrl(request.url);
  if (url === null || url.protocol !== 'blob:') return { action: 'refuse', reason: 'not-a-blob' };
  // A blob URL names the origin that created it after `blob:`.
  if (!isAppUrl(url.pathname)) return { action: 'refuse', reason: 'foreign-blob' };
  if (request.pageUrl === null || !isAppUrl(request.pageUrl)) return { action: 'refuse', reason: 'foreign-page' };
  return { action: 'ask', fileName: safeFileName(request.suggestedName) };
}

/** Device names Windows reserves whatever the extension (`CON`, `nul.txt`, `COM1.vcf`…). */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?$/i;
/** Characters no file name may hold on Windows (and `/` nowhere): each becomes `_`. */
const RESERVED = /[<>:"/\\|?*]/g;
/** Control and invisible formatting characters (a right-to-left override can disguise `exe.vcf` as `fcv.exe`). */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/**
 * A file name safe to offer on every system: no folder part, no control or invisible formatting characters, none of
 * Windows' reserved characters or device names, no leading dot (hidden file, `..`), no trailing dot or space, at
 * most MAX_FILE_NAME_LENGTH long (the extension kept). FALLBACK_FILE_NAME when nothing is left.
 */
export function safeFileName(suggested: string): string {
  const base = suggested.split(/[/\\]/).at(-1) ?? '';
  let name = base.replace(INVISIBLE, '').replace(RESERVED, '_').trim();
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (name === '') return FALLBACK_FILE_NAME;
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  if (name.length > MAX_FILE_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    // Cut between characters, never inside a surrogate pair, and not before a dot or space.
    const stem = name.slice(0, MAX_FILE_NAME_LENGTH - extension.length).replace(/[\uD800-\uDBFF]$/, '').replace(/[.\s]+$/, '');
    name = `${stem}${extension}`;
  }
  return name;
}

export interface DownloadGuardOptions {
  /** Where the save dialog opens (`app.getPath('downloads')`). */
  readonly downloadsDir: string;
  readonly logger: Logger;
}

/**
 * Applies `decideDownload` to every download of `session`: a refused one is cancelled (and logged, without its
 * name), an accepted one gets the save dialog's starting folder and name. Call once per session, before any window
 * of it loads.
 */
export function guardDownloads(session: Pick<Session, 'on'>, options: DownloadGuardOptions): void {
  session.on('will-download', (event, item, contents) => {
    // Electron types the contents as always present; a download started without a page has none.
    const pageUrl = (contents as typeof contents | null | undefined)?.getURL() ?? null;
    const decision = decideDownload({ url: item.getURL(), pageUrl, suggestedName: item.getFilename() });
    if (decision.action === 'refuse') {
      event.preventDefault();
      options.logger.log('warn', 'Refused a download', { reason: decision.reason, url: item.getURL().slice(0, 200) });
      return;
    }
    item.setSaveDialogOptions({ defaultPath: join(options.downloadsDir, decision.fileName) });
  });
}
