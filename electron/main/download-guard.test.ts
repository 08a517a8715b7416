import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { recordingLogger } from '../core/testing/test-ports';
import { decideDownload, FALLBACK_FILE_NAME, guardDownloads, MAX_FILE_NAME_LENGTH, safeFileName } from './download-guard';

const APP_PAGE = 'app://focal/index.html';
const OWN_BLOB = 'blob:app://focal/3f0c9d0e-1111-4a2b-9c3d-0123456789ab';

describe('decideDownload', () => {
  it('offers a blob made by the app’s own page for saving, under a safe name', () => {
    expect(decideDownload({ url: OWN_BLOB, pageUrl: APP_PAGE, suggestedName: 'focal-desk-contacts-2026-01-01.vcf' })).toEqual({
      action: 'ask',
      fileName: 'focal-desk-contacts-2026-01-01.vcf',
    });
    expect(decideDownload({ url: OWN_BLOB, pageUrl: APP_PAGE, suggestedName: '../../.bashrc' })).toEqual({ action: 'ask', fileName: 'bashrc' });
  });

  it('refuses every other download', () => {
    const cases: [string, string | null, string][] = [
      ['https://example.invalid/contacts.vcf', APP_PAGE, 'not-a-blob'],
      ['data:text/vcard,BEGIN:VCARD', APP_PAGE, 'not-a-blob'],
      ['file:///etc/passwd', APP_PAGE, 'not-a-blob'],
      ['not a url', APP_PAGE, 'not-a-blob'],
      ['blob:https://example.invalid/3f0c9d0e', APP_PAGE, 'foreign-blob'],
      ['blob:app://focal.evil/3f0c9d0e', APP_PAGE, 'foreign-blob'],
      ['blob:null/3f0c9d0e', APP_PAGE, 'foreign-blob'],
      [OWN_BLOB, 'https://example.invalid/', 'foreign-page'],
      [OWN_BLOB, null, 'foreign-page'],
    ];
    for (const [url, pageUrl, reason] of cases) {
      expect(decideDownload({ url, pageUrl, suggestedName: 'x.vcf' }), url).toEqual({ action: 'refuse', reason });
    }
  });
});

describe('safeFileName', () => {
  it('keeps an ordinary name, accents included', () => {
    expect(safeFileName('Contacts — Côte d’Ivoire.vcf')).toBe('Contacts — Côte d’Ivoire.vcf');
  });

  it('drops folders, control and invisible characters, reserved characters, leading and trailing dots', () => {
    expect(safeFileName('C:\\Windows\\System32\\evil.vcf')).toBe('evil.vcf');
    expect(safeFileName('/tmp/x/../y.csv')).toBe('y.csv');
    expect(safeFileName('bell\u0007\u0000.vcf')).toBe('bell.vcf');
    // A right-to-left override would show "contacts\u202Efcv.exe" as "contactsexe.vcf".
    expect(safeFileName('contacts\u202Efcv.exe')).toBe('contactsfcv.exe');
    expect(safeFileName('a<b>c:d"e|f?g*h.vcf')).toBe('a_b_c_d_e_f_g_h.vcf');
    expect(safeFileName('...hidden.vcf')).toBe('hidden.vcf');
    expect(safeFileName('trailing. . ')).toBe('trailing');
  });

  it('steps around Windows device names and falls back when nothing is left', () => {
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.vcf')).toBe('_nul.vcf');
    expect(safeFileName('com1.txt')).toBe('_com1.txt');
    expect(safeFileName('console.vcf')).toBe('console.vcf');
    for (const empty of ['', '   ', '..', '/', '\u202E']) expect(safeFileName(empty)).toBe(FALLBACK_FILE_NAME);
  });

  it('shortens a long name, keeping its extension and whole characters', () => {
    // The cut falls inside the eighth emoji (two UTF-16 units): that one goes whole.
    const long = `${'é'.repeat(101)}${'😀'.repeat(50)}.vcf`;
    const short = safeFileName(long);
    expect(short.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(short.endsWith('.vcf')).toBe(true);
    expect(short).toBe(`${'é'.repeat(101)}${'😀'.repeat(7)}.vcf`);
    expect(safeFileName('x'.repeat(200))).toHaveLength(MAX_FILE_NAME_LENGTH);
  });
});

describe('guardDownloads', () => {
  // An EventEmitter stands in for Electron's session (Electron cannot run here); the decisions are tested above.
  function setUp() {
    const session = new EventEmitter();
    const logger = recordingLogger();
    guardDownloads(session as unknown as Pick<Session, 'on'>, { downloadsDir: '/home/person/Downloads', logger });
    const download = (url: string, pageUrl: string | null, name: string) => {
      const event = { preventDefault: vi.fn() };
      const item = { getURL: () => url, getFilename: () => name, setSaveDialogOptions: vi.fn(), setSavePath: vi.fn() };
      session.emit('will-download', event, item, pageUrl === null ? null : { getURL: () => pageUrl });
      return { event, item };
    };
    return { download, logger };
  }

  it('opens the save dialog in the Downloads folder for the app’s own blob, never saving by itself', () => {
    const { download } = setUp();
    const { event, item } = download(OWN_BLOB, APP_PAGE, 'focal-desk-contacts-2026-01-01.vcf');
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(item.setSaveDialogOptions).toHaveBeenCalledWith({ defaultPath: join('/home/person/Downloads', 'focal-desk-contacts-2026-01-01.vcf') });
    expect(item.setSavePath).not.toHaveBeenCalled();
  });

  it('cancels any other download and logs why', () => {
    const { download, logger } = setUp();
    for (const [url, pageUrl] of [
      ['https://example.invalid/x.vcf', APP_PAGE],
      [OWN_BLOB, null],
    ] as const) {
      const { event, item } = download(url, pageUrl, 'x.vcf');
      expect(event.preventDefault).toHaveBeenCalled();
      expect(item.setSaveDialogOptions).not.toHaveBeenCalled();
      expect(item.setSavePath).not.toHaveBeenCalled();
    }
    expect(logger.entries.map((entry) => [entry.level, entry.message, entry.detail?.reason])).toEqual([
      ['warn', 'Refused a download', 'not-a-blob'],
      ['warn', 'Refused a download', 'foreign-page'],
    ]);
  });
});
