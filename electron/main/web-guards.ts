import type { App, Session, WebContents } from 'electron';
import type { Logger } from '../core/ports';
import { isAllowedNavigation, isAllowedRequestUrl } from './navigation-policy';

/**
 * Hardens every WebContents the app ever creates (windows, DevTools, anything a future feature adds): navigation and
 * redirects outside `app://focal/` are stopped, `window.open` is denied, `<webview>` cannot attach, and the session
 * of each contents gets the permission and request guards below. Call before the first window is created.
 */
export function installWebGuards(app: Pick<App, 'on'>, logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, logger);
    guardSession(contents.session, logger);
  });
}

function guardWebContents(contents: WebContents, logger: Logger): void {
  const refuseUnlessAllowed = (kind: string) => (event: { preventDefault(): void; url: string }) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    logger.log('warn', `Blocked a ${kind} outside the app`, { url: event.url.slice(0, 200) });
  };
  contents.on('will-navigate', refuseUnlessAllowed('navigation'));
  contents.on('will-frame-navigate', refuseUnlessAllowed('frame navigation'));
  contents.on('will-redirect', refuseUnlessAllowed('redirect'));
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/**
 * Denies every permission (camera, notifications, clipboard read, …) and cancels every request that is not the app's
 * own content. Setting a handler replaces the previous one, so guarding the same session twice is harmless.
 */
export function guardSession(session: Session, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) logger.log('warn', 'Cancelled a request outside the app', { url: details.url.slice(0, 200) });
    callback({ cancel: !allowed });
  });
}
