import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createWindowClients, endsPage, navigationSignal, type ContentsLike } from './window-clients';

/** Stands in for a WebContents: the same event names and arguments, emitted by hand (Electron cannot run here). */
class FakeContents extends EventEmitter implements ContentsLike {
  constructor(readonly id: number) {
    super();
  }

  navigate(details: { isMainFrame: boolean; isSameDocument: boolean }): void {
    this.emit('did-start-navigation', { ...details, url: 'app://focal/index.html', preventDefault: () => undefined });
  }
}

describe('endsPage', () => {
  it('ends the page when its contents or renderer go, or its main frame loads another document', () => {
    expect(endsPage({ kind: 'destroyed' })).toBe(true);
    expect(endsPage({ kind: 'render-process-gone' })).toBe(true);
    expect(endsPage({ kind: 'did-start-navigation', isMainFrame: true, isSameDocument: false })).toBe(true);
  });

  it('keeps the page for a navigation inside the document or in a sub-frame', () => {
    expect(endsPage({ kind: 'did-start-navigation', isMainFrame: true, isSameDocument: true })).toBe(false);
    expect(endsPage({ kind: 'did-start-navigation', isMainFrame: false, isSameDocument: false })).toBe(false);
  });

  it('reads Electron’s navigation details, and nothing else', () => {
    expect(navigationSignal({ isMainFrame: true, isSameDocument: false, url: 'x' })).toEqual({
      kind: 'did-start-navigation',
      isMainFrame: true,
      isSameDocument: false,
    });
    for (const odd of [null, 'app://focal/', { isMainFrame: 'yes', isSameDocument: false }, { isMainFrame: true }]) {
      expect(navigationSignal(odd)).toBeNull();
    }
  });
});

describe('createWindowClients', () => {
  it('gives each page its own client id, and tells the core once when it goes', () => {
    const gone: string[] = [];
    const clients = createWindowClients((clientId) => gone.push(clientId));
    const main = new FakeContents(1);
    const other = new FakeContents(2);
    const first = clients.clientIdOf(main);
    expect(clients.clientIdOf(main)).toBe(first);
    const second = clients.clientIdOf(other);
    expect(second).not.toBe(first);

    // A hash change keeps the page; a reload starts a new one, and the old one is gone.
    main.navigate({ isMainFrame: true, isSameDocument: true });
    main.navigate({ isMainFrame: false, isSameDocument: false });
    expect(gone).toEqual([]);
    main.navigate({ isMainFrame: true, isSameDocument: false });
    expect(gone).toEqual([first]);
    const reloaded = clients.clientIdOf(main);
    expect(reloaded).not.toBe(first);
    // Listeners are attached once per contents, not once per page.
    expect(main.listenerCount('did-start-navigation')).toBe(1);

    other.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    main.emit('destroyed');
    expect(gone).toEqual([first, second, reloaded]);
    // A page that made no call since its last one went has nothing to end.
    other.emit('destroyed');
    expect(gone).toHaveLength(3);
  });

  it('passes an addressed event only to the page it is for', () => {
    const clients = createWindowClients(() => undefined);
    const main = new FakeContents(1);
    const clientId = clients.clientIdOf(main);
    expect(clients.accepts(1, null)).toBe(true);
    expect(clients.accepts(1, clientId)).toBe(true);
    expect(clients.accepts(1, 'socket-elsewhere')).toBe(false);
    // A window whose page has not called yet gets only what is for everyone.
    expect(clients.accepts(7, null)).toBe(true);
    expect(clients.accepts(7, clientId)).toBe(false);
    main.navigate({ isMainFrame: true, isSameDocument: false });
    expect(clients.accepts(1, clientId)).toBe(false);
  });
});
