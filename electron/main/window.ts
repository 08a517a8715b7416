import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

/** What the main window loads: the renderer's index.html on the app's own origin, served by app-protocol.ts. */
export const MAIN_WINDOW_URL = APP_ENTRY_URL;

export interface MainWindowOptionsInput {
  /** Absolute path of the bundled preload (`dist/electron/preload.cjs`). */
  readonly preloadPath: string;
  /** DevTools are available in development builds only; a packaged app hides them. */
  readonly devTools: boolean;
}

/** Background painted before the renderer's first frame, so the window never flashes white-then-grey. */
export const WINDOW_BACKGROUND = '#f6f7f9';

/**
 * The main window's options. Every web preference that matters for security is spelled out, even where it is
 * Electron's default, so a change of default or a careless edit shows up in the test beside this file.
 * Invariants: the page has no Node (nodeIntegration everywhere off, sandbox on), its world is isolated from the preload
 * (contextIsolation), web security is on, and there is no `<webview>`. The window stays hidden until `ready-to-show`.
 */
export function mainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Focal Desk',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's spellchecker downloads its dictionaries from Google on Windows and Linux; the app loads nothing
      // remote, so it stays off until dictionaries ship with the app.
      spellcheck: false,
      devTools: input.devTools,
    },
  };
}
