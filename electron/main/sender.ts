/** Who may talk to main: only the app's own window, its main frame, showing the app's own page. */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { SenderCheck } from './ipc.js';

/**
 * The scheme, host and port of a URL, also for custom schemes (where URL.origin is "null").
 * Returns null for URLs that do not parse.
 */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol === 'file:') return 'file://';
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

/** Builds the check: the sender must be one of `isAppContents`, its main frame, on `appOrigin`. */
export function createSenderCheck(isAppContents: (contents: WebContents) => boolean, appOrigin: string): SenderCheck {
  return (event: IpcMainInvokeEvent) => {
    if (!isAppContents(event.sender)) return false;
    const frame = event.senderFrame;
    // A frame that navigated away or was destroyed is null; sub-frames have a parent.
    if (!frame || frame.parent !== null) return false;
    return originOf(frame.url) === appOrigin;
  };
}
