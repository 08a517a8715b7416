import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_CHANNEL, createBridge, EVENT_CHANNEL, type CallTransport, type EventTransport } from '../../shared/api/bridge';
import { isEventName, type EventMessage } from '../../shared/api/events';
import { fail, isResult } from '../../shared/api/result';

// The preload runs sandboxed and isolated from the page. It exposes exactly one object, `window.focal`, built from the
// contract's method names; the page never sees ipcRenderer, a channel name or an IpcRendererEvent.

const call: CallTransport = async (method, input) => {
  try {
    const result: unknown = await ipcRenderer.invoke(CALL_CHANNEL, method, input);
    return isResult(result) ? result : fail('internal', 'Focal Desk sent an answer this window cannot read.');
  } catch {
    // invoke rejects only when main has no handler yet or is going away; the page still gets a Result.
    return fail('unavailable', 'Focal Desk is not ready. Try again in a moment.');
  }
};

const onEvent: EventTransport = (listener) => {
  const forward = (_event: IpcRendererEvent, message: unknown): void => {
    if (isEventMessage(message)) listener(message);
  };
  ipcRenderer.on(EVENT_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  };
};

function isEventMessage(value: unknown): value is EventMessage {
  // Events come from main (trusted), so checking the name is enough to keep unknown pushes away from the page.
  return typeof value === 'object' && value !== null && 'name' in value && isEventName(value.name) && 'payload' in value;
}

contextBridge.exposeInMainWorld('focal', createBridge(call, onEvent));
