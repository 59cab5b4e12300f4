/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { TitleMatchApi } from '../../electron/contract/api.js';

declare global {
  interface Window {
    /** The bridge the preload exposes; absent outside the desktop window. */
    titlematch?: TitleMatchApi;
  }
}

export {};
