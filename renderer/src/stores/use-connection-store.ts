import { create } from 'zustand';
import type { ConnectionStatus } from '../api/connection-status';
import { getApiClient } from '../api/client';

/** The link's state, or `no-core` when the page has neither the Electron bridge nor a host token. */
export type ConnectionView = ConnectionStatus | { readonly state: 'no-core' };

export interface ConnectionState {
  readonly status: ConnectionView;
  /** Follows the installed API client's link; returns the function that stops following it. */
  readonly attach: () => () => void;
  /** Asks the client to connect again now instead of waiting for its next attempt. */
  readonly reconnect: () => void;
}

/** The state of the link to the core, for the connection banner and the "how to open Focal Desk" screen. */
export const useConnectionStore = create<ConnectionState>()((set) => ({
  status: { state: 'connecting' },
  attach: () => {
    const client = getApiClient();
    if (client === null) {
      set({ status: { state: 'no-core' } });
      return () => undefined;
    }
    set({ status: client.connection.status() });
    return client.connection.subscribe((status) => {
      set({ status });
    });
  },
  reconnect: () => {
    getApiClient()?.connection.reconnect();
  },
}));
