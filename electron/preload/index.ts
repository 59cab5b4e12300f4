/**
 * The bridge: implements the contract with one method per message and exposes it as the single
 * `window.titlematch`. ipcRenderer itself never reaches the page, nor does any event object.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { eventChannel, INVOKE_METHODS, invokeChannel, type EventName, type EventPayloads, type InvokeMethod, type TitleMatchApi, type Unsubscribe } from '../contract/api.js';

/** One function per invoke method of the contract, each one message to main on the method's channel. */
function invokers(): Pick<TitleMatchApi, InvokeMethod> {
  const entries = INVOKE_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(invokeChannel(method), ...args)]);
  // Typed by the contract: main's handler of each channel answers the method's Result.
  return Object.fromEntries(entries) as Pick<TitleMatchApi, InvokeMethod>;
}

function subscribe<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): Unsubscribe {
  const channel = eventChannel(event);
  const wrapped = (_event: IpcRendererEvent, payload: EventPayloads[E]): void => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

// The API the window gets. Nothing is exported: a sandboxed preload is a script, not a module.
const api: TitleMatchApi = {
  ...invokers(),
  pathForFile: (file) => webUtils.getPathForFile(file),
  onMatchProgress: (listener) => subscribe('matchProgress', listener),
  onEngineStatus: (listener) => subscribe('engineStatus', listener),
  onCommand: (listener) => subscribe('command', listener),
};

contextBridge.exposeInMainWorld('titlematch', api);
