import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { fail, type Result } from '../../shared/api/result';
import { parseSocketCall, type ServerMessage } from '../../shared/api/socket-protocol';
import type { Dispatch } from '../core/api/dispatch';
import { isForClient, type EventBus } from '../core/events/event-bus';
import type { Logger } from '../core/ports';

/** Calls one socket may have in flight; past this a call is answered `unavailable` instead of queueing without end. */
export const MAX_CALLS_IN_FLIGHT = 64;
/** Bytes queued for a client that stopped reading before its socket is closed, so it cannot grow the host's memory. */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export interface SocketSessionDeps {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  /** The core's `clientGone`: told once, when the socket closes. */
  readonly clientGone: (clientId: string) => void;
  readonly logger: Logger;
}

/**
 * Serves the contract over one authenticated socket: each text frame is a call answered by a reply with the same id,
 * and every core event meant for all clients or for this one is pushed while the socket is open. The socket is one
 * client of the core: its calls carry its id, and when it closes (however: the tab closed or reloaded, the network
 * dropped, the host shutting down) the core ends what it held open. Nothing a client sends can throw out of here.
 */
export function attachSocketSession(socket: WebSocket, deps: SocketSessionDeps): void {
  const { dispatch, events, logger } = deps;
  const clientId = `socket-${randomUUID()}`;
  let inFlight = 0;

  const send = (message: ServerMessage): void => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      logger.log('warn', 'Closed a socket whose client stopped reading', { buffered: socket.bufferedAmount });
      socket.terminate();
      return;
    }
    socket.send(JSON.stringify(message));
  };

  const unsubscribe = events.subscribe((event, to) => {
    if (isForClient(to, clientId)) send({ type: 'event', event });
  });

  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      logger.log('warn', 'Ignored a binary frame on the host socket');
      return;
    }
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(toBuffers(data)).toString('utf8');
    const call = parseSocketCall(text);
    if (call === null) {
      const id = recoverId(text);
      logger.log('warn', 'Received a malformed call on the host socket', { length: text.length, id });
      if (id !== null) send({ type: 'reply', id, result: fail('invalid-input', 'That request was not understood.') });
      return;
    }
    if (inFlight >= MAX_CALLS_IN_FLIGHT) {
      send({ type: 'reply', id: call.id, result: fail('unavailable', 'Too many requests at once. Try again.') });
      return;
    }
    inFlight += 1;
    void dispatchSafely(dispatch, call.method, call.input, clientId, logger).then((result) => {
      inFlight -= 1;
      send({ type: 'reply', id: call.id, result });
    });
  });

  socket.on('error', (error: Error) => {
    // Oversized or invalid frames end up here; ws closes the socket itself.
    logger.log('warn', 'A host socket failed', { error: error.message });
  });
  socket.once('close', () => {
    unsubscribe();
    try {
      deps.clientGone(clientId);
    } catch (error: unknown) {
      logger.log('error', 'Ending what a closed socket held open failed', { error: String(error) });
    }
  });
}

/** `dispatch` never throws by contract; this keeps a broken promise from becoming an unhandled rejection anyway. */
async function dispatchSafely(dispatch: Dispatch, method: string, input: unknown, clientId: string, logger: Logger): Promise<Result<unknown>> {
  try {
    return await dispatch(method, input, { clientId });
  } catch (error: unknown) {
    logger.log('error', 'Dispatch threw on the host socket', { method: method.slice(0, 80), error: String(error) });
    return fail('internal', 'Something went wrong. The details are in the log.');
  }
}

/** The id of a frame that is JSON with a usable id but not a well-formed call, so the caller is not left waiting. */
function recoverId(text: string): number | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || !('id' in value)) return null;
    return typeof value.id === 'number' && Number.isSafeInteger(value.id) ? value.id : null;
  } catch {
    return null;
  }
}

function toBuffers(data: ArrayBuffer | Buffer[]): Buffer[] {
  return Array.isArray(data) ? data : [Buffer.from(data)];
}
