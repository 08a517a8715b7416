import type { FocalBridge } from '../../../shared/api/bridge';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent when the page is served by the host to a browser. */
    readonly focal?: FocalBridge;
  }
}
