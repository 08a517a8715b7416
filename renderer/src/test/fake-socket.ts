import type { SocketCall } from '../../../shared/api/socket-protocol';
import type { WebSocketLike } from '../api/socket-transport';

type Listener = (event: { readonly data: unknown }) => void;

/**
 * A stand-in for the browser's WebSocket, driven by the test: `open()`, `receive()`, `drop()` play the host's part.
 * Like a real socket, `send` throws unless the socket is open.
 */
export class FakeSocket implements WebSocketLike {
  readyState = 0;
  readonly sent: string[] = [];
  closeCalls = 0;
  private readonly listeners = new Map<string, Listener[]>();

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('InvalidStateError: the socket is not open');
    this.sent.push(data);
  }

  close(): void {
    this.closeCalls += 1;
  }

  addEventListener(type: 'open' | 'close' | 'error' | 'message', listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  open(): void {
    this.readyState = 1;
    this.fire('open', undefined);
  }

  receive(data: unknown): void {
    this.fire('message', data);
  }

  /** The host went away: `close` (or, with `viaError`, `error` then `close`, as browsers do). */
  drop(viaError = false): void {
    this.readyState = 3;
    if (viaError) this.fire('error', undefined);
    this.fire('close', undefined);
  }

  /** The calls sent so far, parsed. */
  calls(): SocketCall[] {
    return this.sent.map((frame) => JSON.parse(frame) as SocketCall);
  }

  private fire(type: string, data: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
}

/** A socket factory remembering every socket it made, newest last. */
export function fakeSocketFactory() {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    create: (url: string): FakeSocket => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    latest: (): FakeSocket => {
      const socket = sockets.at(-1);
      if (socket === undefined) throw new Error('No socket was created');
      return socket;
    },
  };
}
