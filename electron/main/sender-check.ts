import { isAppUrl } from './app-origin';

/** The parts of an Electron `WebFrameMain` the check reads; plain objects in tests. */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: unknown;
}

/** The parts of an `IpcMainInvokeEvent` the check reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: { readonly mainFrame: FrameLike };
}

/**
 * Whether an IPC call comes from the app's own page: the sending frame still exists, it is the main frame of its
 * WebContents (not an iframe, which could hold anything), and it is on `app://focal`. Everything else is refused,
 * including a frame that navigated away or was destroyed while the call was in flight.
 */
export function isTrustedSender(event: InvokeEventLike): boolean {
  const frame = event.senderFrame;
  if (frame === null) return false;
  const main = event.sender.mainFrame;
  // Distinct WebFrameMain objects for one frame share process and routing ids, so identity is compared by those.
  const isMainFrame = frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  return isMainFrame && isAppUrl(frame.url);
}
