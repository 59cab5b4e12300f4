/**
 * The bridge: implements the contract with one method per message and exposes it as the single
 * `window.titlematch`. ipcRenderer itself never reaches the page, nor does any event object.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  eventChannel,
  invokeChannel,
  type EventName,
  type EventPayloads,
  type InvokeArgs,
  type InvokeMethod,
  type InvokeValue,
  type TitleMatchApi,
  type Unsubscribe,
} from '../contract/api.js';
import type { Result } from '../contract/result.js';

function invoke<M extends InvokeMethod>(method: M, ...args: InvokeArgs<M>): Promise<Result<InvokeValue<M>>> {
  return ipcRenderer.invoke(invokeChannel(method), ...args) as Promise<Result<InvokeValue<M>>>;
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
  engineStatus: () => invoke('engineStatus'),
  setProvider: (choice) => invoke('setProvider', choice),
  pickModelFolder: () => invoke('pickModelFolder'),
  setModel: (folder) => invoke('setModel', folder),
  pickTable: (side) => invoke('pickTable', side),
  loadTable: (request) => invoke('loadTable', request),
  loadTaxonomy: (id) => invoke('loadTaxonomy', id),
  match: (request) => invoke('match', request),
  cancelMatch: () => invoke('cancelMatch'),
  explain: (request) => invoke('explain', request),
  exportResults: (request) => invoke('exportResults', request),
  saveProject: (request) => invoke('saveProject', request),
  openProject: (request) => invoke('openProject', request),
  recentFiles: () => invoke('recentFiles'),
  savedDecisions: () => invoke('savedDecisions'),
  decide: (change) => invoke('decide', change),
  importDecisions: () => invoke('importDecisions'),
  exportDecisions: () => invoke('exportDecisions'),
  clearDecisions: () => invoke('clearDecisions'),
  pathForFile: (file) => webUtils.getPathForFile(file),
  onMatchProgress: (listener) => subscribe('matchProgress', listener),
  onEngineStatus: (listener) => subscribe('engineStatus', listener),
  onCommand: (listener) => subscribe('command', listener),
};

contextBridge.exposeInMainWorld('titlematch', api);
