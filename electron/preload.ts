/**
 * Preload of the sandboxed renderer: exposes the bridge as `window.puljeplan` through
 * contextBridge (the page runs with context isolation, so it gets a copy, not our objects).
 * Sandboxed preloads can require only 'electron', so build/build-electron.mjs bundles this file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './preload-bridge';

contextBridge.exposeInMainWorld('puljeplan', createBridge(ipcRenderer));
