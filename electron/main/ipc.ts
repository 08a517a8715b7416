import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CALL_CHANNEL } from '../../shared/api/bridge';
import { fail, type Result } from '../../shared/api/result';
import type { Dispatch } from '../core/api/dispatch';
import type { Logger } from '../core/ports';
import { isTrustedSender } from './sender-check';
import type { WindowClients } from './window-clients';

/** The part of `ipcMain` used here; the real one in the app, a fake in tests. */
export type CallRegistry = Pick<IpcMain, 'handle' | 'removeHandler'>;

/**
 * Answers the preload's calls on CALL_CHANNEL. The sender is checked before anything else; the core's dispatch then
 * parses the input against the contract. The handler never throws, so the renderer always receives a `Result`.
 * With `clients` (window-clients.ts) each call carries the client id of the sending page, and the core is told when
 * that page goes; without, calls carry no client and what they open lingers until evicted. Returns the function
 * that unregisters the handler.
 */
export function registerCallHandler(ipc: CallRegistry, dispatch: Dispatch, logger: Logger, clients?: WindowClients): () => void {
  ipc.handle(CALL_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) =>
    answerCall(event, method, input, dispatch, logger, clients),
  );
  return () => {
    ipc.removeHandler(CALL_CHANNEL);
  };
}

async function answerCall(
  event: IpcMainInvokeEvent,
  method: unknown,
  input: unknown,
  dispatch: Dispatch,
  logger: Logger,
  clients: WindowClients | undefined,
): Promise<Result<unknown>> {
  if (!isTrustedSender(event)) {
    logger.log('warn', 'Refused a call from a frame that is not the app', {
      url: event.senderFrame?.url.slice(0, 200) ?? null,
    });
    return fail('forbidden', 'This window is not allowed to use Focal Desk.');
  }
  try {
    if (clients === undefined) return await dispatch(method, input);
    return await dispatch(method, input, { clientId: clients.clientIdOf(event.sender) });
  } catch (error: unknown) {
    // Dispatch is written never to throw; this is the last guard so a bug cannot become a rejected promise in the page.
    logger.log('error', 'Dispatch threw', { error: String(error) });
    return fail('internal', 'Something went wrong. The details are in the log.');
  }
}
