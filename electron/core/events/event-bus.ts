import type { EventMessage } from '../../../shared/api/events';
import type { Logger } from '../ports';

/**
 * Receives every event. `to` is the one client the event is for (see `EmitOptions.to`), or null when it is for every
 * client; a transport serving one client passes the event on only when `isForClient(to, itsClientId)`.
 */
export type EventListener = (event: EventMessage, to: string | null) => void;

export interface EmitOptions {
  /**
   * The client (a window's page, a host socket: the `clientId` of its calls) the event concerns alone, e.g. the
   * window of its own live list or the progress of its own import. Transports that know their client deliver it only
   * there; one that cannot tell its clients apart may deliver it to all of them, so a payload must stay harmless to
   * the others (each names what it belongs to).
   */
  readonly to?: string;
}

/**
 * Fans core events out to every shell transport (IPC windows, host sockets). A failing listener never stops the rest.
 * It also carries the one message that flows the other way: a shell saying one of its clients is gone for good, so
 * that services end what that client held open (its live lists).
 */
export interface EventBus {
  emit(event: EventMessage, options?: EmitOptions): void;
  subscribe(listener: EventListener): () => void;
  /** A client is gone (socket closed, window destroyed, page reloaded): every `onClientGone` listener is told once. */
  clientGone(clientId: string): void;
  /** Calls `listener` for every client that goes; returns the unsubscribe. */
  onClientGone(listener: (clientId: string) => void): () => void;
}

/** Whether a transport serving `clientId` (null: it cannot tell its clients apart) passes on an event sent `to`. */
export function isForClient(to: string | null, clientId: string | null): boolean {
  return to === null || clientId === null || to === clientId;
}

export function createEventBus(logger: Logger): EventBus {
  const listeners = new Set<EventListener>();
  const goneListeners = new Set<(clientId: string) => void>();
  return {
    emit(event, options = {}) {
      const to = options.to ?? null;
      for (const listener of [...listeners]) {
        try {
          listener(event, to);
        } catch (error: unknown) {
          logger.log('error', 'An event listener failed', { event: event.name, error: String(error) });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clientGone(clientId) {
      for (const listener of [...goneListeners]) {
        try {
          listener(clientId);
        } catch (error: unknown) {
          logger.log('error', 'Ending what a client held open failed', { error: String(error) });
        }
      }
    },
    onClientGone(listener) {
      goneListeners.add(listener);
      return () => goneListeners.delete(listener);
    },
  };
}
