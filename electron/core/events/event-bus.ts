import type { EventMessage } from '../../../shared/api/events';
import type { Logger } from '../ports';

export type EventListener = (event: EventMessage) => void;

/** Fans core events out to every shell transport (IPC windows, host sockets). A failing listener never stops the rest. */
export interface EventBus {
  emit(event: EventMessage): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(logger: Logger): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error: unknown) {
          logger.log('error', 'An event listener failed', { event: event.name, error: String(error) });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
