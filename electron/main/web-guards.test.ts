import { EventEmitter } from 'node:events';
import type { App, Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../core/ports';
import { guardSession, installWebGuards } from './web-guards';

// Plain EventEmitters stand in for Electron's objects: these tests check the wiring (which events are guarded and
// what the handlers answer); the decisions themselves are tested in navigation-policy.test.ts.

type WindowOpenHandler = () => { action: string };
type RequestListener = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

function fakeSession() {
  const handlers: {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: () => boolean;
    beforeRequest?: RequestListener;
  } = {};
  const session = {
    setPermissionRequestHandler: (handler: typeof handlers.request) => {
      handlers.request = handler;
    },
    setPermissionCheckHandler: (handler: typeof handlers.check) => {
      handlers.check = handler;
    },
    webRequest: {
      onBeforeRequest: (listener: RequestListener) => {
        handlers.beforeRequest = listener;
      },
    },
  };
  return { session: session as unknown as Session, handlers };
}

function fakeContents() {
  const contents = new EventEmitter() as EventEmitter & {
    session: Session;
    openHandler?: WindowOpenHandler;
    setWindowOpenHandler(handler: WindowOpenHandler): void;
  };
  const { session, handlers } = fakeSession();
  contents.session = session;
  contents.setWindowOpenHandler = (handler) => {
    contents.openHandler = handler;
  };
  return { contents, sessionHandlers: handlers };
}

const logger: Logger = { log: vi.fn() };

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('installWebGuards', () => {
  function setUp() {
    const app = new EventEmitter();
    installWebGuards(app as unknown as App, logger);
    const { contents, sessionHandlers } = fakeContents();
    app.emit('web-contents-created', {}, contents);
    return { contents, sessionHandlers };
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'stops %s outside app://focal and lets the app move inside it',
    (eventName) => {
      const { contents } = setUp();
      const outside = navigationEvent('https://example.invalid/');
      contents.emit(eventName, outside);
      expect(outside.preventDefault).toHaveBeenCalled();
      const inside = navigationEvent('app://focal/index.html');
      contents.emit(eventName, inside);
      expect(inside.preventDefault).not.toHaveBeenCalled();
    },
  );

  it('denies window.open and <webview>', () => {
    const { contents } = setUp();
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it("guards each new contents' session", () => {
    const { sessionHandlers } = setUp();
    expect(sessionHandlers.check?.()).toBe(false);
    expect(sessionHandlers.beforeRequest).toBeDefined();
  });
});

describe('guardSession', () => {
  it('denies every permission request and check', () => {
    const { session, handlers } = fakeSession();
    guardSession(session, logger);
    const callback = vi.fn();
    handlers.request?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(handlers.check?.()).toBe(false);
  });

  it('cancels remote requests and lets the app load its own files', () => {
    const { session, handlers } = fakeSession();
    guardSession(session, logger);
    const answer = (url: string) => {
      const callback = vi.fn();
      handlers.beforeRequest?.({ url }, callback);
      return callback.mock.calls[0]?.[0] as unknown;
    };
    expect(answer('https://example.invalid/x.js')).toEqual({ cancel: true });
    expect(answer('app://focal/assets/app.js')).toEqual({ cancel: false });
  });
});
