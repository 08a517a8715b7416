import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, session, shell } from 'electron';
import { EVENT_CHANNEL } from '../../shared/api/bridge';
import type { EventMessage } from '../../shared/api/events';
import { createCore, type Core } from '../core/app';
import { useSqliteNativeBinding } from '../core/db/storage';
import { isExpectedStartupError } from '../core/startup-errors';
import { createFileLogger } from '../core/logging/file-logger';
import type { CorePorts, Logger } from '../core/ports';
import { systemClock } from '../core/system-clock';
import { electronFetch } from './adapters/electron-fetch';
import { createOnlineMonitor } from './adapters/online-monitor';
import { safeStorageCredentialStore } from './adapters/safe-storage-credential-store';
import { safeStorageSecretStore } from './adapters/safe-storage-secret-store';
import { shellOpener } from './adapters/shell-opener';
import { APP_SCHEME, APP_SCHEME_REGISTRATION } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { chooseDataDir } from './data-dir-option';
import { sqliteBindingFromEnv } from './native-binding';
import { guardDownloads } from './download-guard';
import { registerCallHandler } from './ipc';
import { guardSession, installWebGuards } from './web-guards';
import { MAIN_WINDOW_URL, mainWindowOptions } from './window';
import { createWindowClients, type WindowClients } from './window-clients';

// Electron main process: lifecycle and wiring only. Every decision lives in a pure, tested module beside this one or
// in the core. Paths are relative to the bundle, dist/electron/main.cjs, which sits beside preload.cjs and ../renderer.
const RENDERER_ROOT = join(__dirname, '..', 'renderer');
const PRELOAD_PATH = join(__dirname, 'preload.cjs');

function main(): void {
  const choice = chooseDataDir(process.argv.slice(1), process.env, app.getPath('userData'));
  if (!choice.ok) {
    exitWithError('Focal Desk cannot start', choice.message);
    return;
  }
  const dataDir = resolve(choice.dataDir);
  // Chromium's profile and the single-instance lock live in userData; pointing it at the data directory makes the lock
  // one-per-store (tests and second profiles can run side by side) and keeps everything the app writes in one place.
  app.setPath('userData', dataDir);
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION]);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const logger = createFileLogger({ directory: join(dataDir, 'logs') });
  installWebGuards(app, logger);
  app.on('second-instance', focusExistingWindow);

  app
    .whenReady()
    .then(() => start(dataDir, logger))
    .catch((error: unknown) => {
      logger.log('error', 'Focal Desk failed to start', { error: describe(error) });
      exitWithError('Focal Desk cannot start', 'Something went wrong while starting. The details are in the log.');
    });
}

async function start(dataDir: string, logger: Logger): Promise<void> {
  useSqliteNativeBinding(sqliteBindingFromEnv(process.env, app.isPackaged));
  const ports: CorePorts = {
    clock: systemClock,
    logger,
    shell: {
      kind: 'electron',
      appName: app.getName(),
      appVersion: app.getVersion(),
      electronVersion: process.versions.electron,
      chromeVersion: process.versions.chrome,
    },
    secrets: safeStorageSecretStore({ safeStorage, keyPath: join(dataDir, 'store-key.bin'), platform: process.platform }),
    opener: shellOpener(shell),
    // Sync goes through Chromium's network stack: system proxy and PAC, the OS certificate store.
    fetch: electronFetch(net),
    network: createOnlineMonitor({ isOnline: () => net.isOnline(), every: (ms, fn) => systemClock.every(ms, fn), logger }),
    credentials: safeStorageCredentialStore({ safeStorage, path: join(dataDir, 'sync', 'credentials.bin'), platform: process.platform, logger }),
  };
  let core: Core;
  try {
    core = await createCore({ dataDir, ports, syncLive: true });
  } catch (error: unknown) {
    if (isExpectedStartupError(error)) {
      exitWithError('Focal Desk cannot open its data', error.message);
      return;
    }
    throw error;
  }

  guardSession(session.defaultSession, logger);
  guardDownloads(session.defaultSession, { downloadsDir: app.getPath('downloads'), logger });
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererRoot: RENDERER_ROOT, logger }));
  // Each page is a client: its live lists end when it reloads or its window closes, and addressed events reach it alone.
  const clients = createWindowClients((clientId) => { core.clientGone(clientId); });
  registerCallHandler(ipcMain, core.dispatch, logger, clients);
  core.events.subscribe((event, to) => { broadcast(event, to, clients); });
  closeCoreOnQuit(core, logger);

  app.on('window-all-closed', () => {
    // macOS apps stay in the Dock with no window; the Dock icon reopens one (`activate`).
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow(logger);
  });
  openMainWindow(logger);
}

function openMainWindow(logger: Logger): void {
  const window = new BrowserWindow(mainWindowOptions({ preloadPath: PRELOAD_PATH, devTools: !app.isPackaged }));
  window.once('ready-to-show', () => {
    window.show();
  });
  window.loadURL(MAIN_WINDOW_URL).catch((error: unknown) => {
    logger.log('error', 'The main window could not load the app', { error: describe(error) });
  });
}

function focusExistingWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (window === undefined) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** Core events go to the windows they are for (every window unless addressed); the preload hands them to the page. */
function broadcast(event: EventMessage, to: string | null, clients: WindowClients): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
    if (clients.accepts(window.webContents.id, to)) window.webContents.send(EVENT_CHANNEL, event);
  }
}

/** Holds the quit until the core has released the data directory, then lets it proceed. */
function closeCoreOnQuit(core: Core, logger: Logger): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    core
      .close()
      .catch((error: unknown) => {
        logger.log('error', 'The core did not close cleanly', { error: describe(error) });
      })
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

function exitWithError(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}

main();
