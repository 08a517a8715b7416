/**
 * The link between this window and the core, as the shell shows it. The Electron bridge is always `connected`; the
 * host socket goes through the other states when the host stops, restarts or refuses the token.
 */
export type ConnectionStatus =
  /** First attempt (or a manual retry) in progress; no failure yet. */
  | { readonly state: 'connecting' }
  | { readonly state: 'connected' }
  /** The link failed; attempt `attempt` of `maxAttempts` is scheduled or in progress. */
  | { readonly state: 'reconnecting'; readonly attempt: number; readonly maxAttempts: number }
  /** Every attempt failed (or the transport was closed); only a manual retry connects again. */
  | { readonly state: 'offline' };

export type ConnectionListener = (status: ConnectionStatus) => void;

/** How a client reports its link: read the current state, follow its changes, and ask for a retry. */
export interface ConnectionSource {
  readonly status: () => ConnectionStatus;
  /** Calls `listener` on every change; returns the function that stops it. */
  readonly subscribe: (listener: ConnectionListener) => () => void;
  /** Tries to connect again now, skipping any wait; does nothing while connected or connecting. */
  readonly reconnect: () => void;
}
