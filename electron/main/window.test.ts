import { describe, expect, it } from 'vitest';
import { MAIN_WINDOW_URL, mainWindowOptions } from './window';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', devTools: false });
  const prefs = options.webPreferences ?? {};

  it('isolates the page from Node and from the preload', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and the risky features off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it('uses the given preload and DevTools setting', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(prefs.devTools).toBe(false);
    expect(mainWindowOptions({ preloadPath: '/p.cjs', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('stays hidden until ready-to-show, with a background and a usable minimum size', () => {
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(500);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
  });

  it('loads the app from app://focal/index.html', () => {
    expect(MAIN_WINDOW_URL).toBe('app://focal/index.html');
  });
});
