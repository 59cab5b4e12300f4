/** App-wide locks: no permission is ever granted, and no web contents may open windows or webviews. */
import type { App, Session, WebContents } from 'electron';

/** Refuses every permission request and check (camera, notifications, geolocation, ...). */
export function denyPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Any web contents the app ever creates refuses webviews and new windows. */
export function lockAllWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
