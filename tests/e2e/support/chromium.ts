/** The system Chromium the host specs drive (Debian's `chromium` package); Playwright's own builds are not fetched. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a quiet, headless, offline-friendly run: no GPU, no background calls to Google services, and no sandbox
 * only when running as root (Chromium refuses to start as root with it).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
